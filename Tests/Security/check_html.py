#!/usr/bin/env python3
"""Checks HTML the way a browser would read it, for the sanitiser's fuzz test and for rendered pages.

Reads JSON lines from stdin, each {"id": "...", "html": "...", "context": "fragment" | "document"} (an optional
"input" field, the text that was sanitised, is printed with a failure). Every case is parsed with html5lib, which
implements the HTML standard's tokeniser and tree builder (entities, foreign content, foster parenting, ...):

fragment (sanitised article HTML, parsed as the content of a <div>):
  - every element is one of the sanitiser's allowlist; no comments, no SVG or MathML;
  - the only attributes are href and rel on <a>, rel exactly "nofollow noopener", and on <img> src (http(s) or
    site-relative, never mailto: or a fragment), alt, width and height (digits), loading="lazy", decoding="async",
    srcset (such URLs with width descriptors) and sizes (media conditions and lengths only); class on <figure>, <div>
    and <a> only with Newsroom's own photo and video classes; data-player on <a> only naming a video player's origin;
  - href starts with http://, https://, mailto:, "/" (not "//", not "/\\") or "#", after entity decoding, removing
    ASCII whitespace and controls and lowercasing; links that leave the site carry rel="nofollow noopener".
document (a whole rendered page):
  - no on* attribute anywhere; no srcdoc; no style attribute or <style> with expression(), javascript:, behavior,
    -moz-binding (and no url() in a style attribute);
  - no inline script code: a <script> either has a site-relative src and no content, or is a JSON data block
    (type application/json or application/ld+json) whose content parses as JSON;
  - no iframe, frame, frameset, object, embed, applet, base or meta http-equiv=refresh element.
both:
  - no URL-valued attribute (href, src, action, formaction, xlink:href, poster, background, cite, data, srcset, ...)
    starts with javascript:, vbscript: or data: once decoded, stripped of ASCII whitespace and controls (as the URL
    parser does, and stricter) and lowercased.

Prints one line per failing case (id, reasons, the HTML truncated to 300 characters), a summary
"checked N cases, F failures" to stderr, and exits 0 when all pass, 1 when any fails, 2 when html5lib is missing.
Standalone: the Python 3 standard library and html5lib (python3 -m pip install html5lib).
"""

import json
import re
import sys

try:
    import html5lib
except ImportError:
    print("check_html.py: html5lib is missing: python3 -m pip install html5lib", file=sys.stderr)
    sys.exit(2)

from xml.etree import ElementTree

ALLOWED_ELEMENTS = {
    "p", "h2", "h3", "h4", "em", "strong", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br", "hr",
    "figure", "figcaption", "sub", "sup", "del", "table", "thead", "tbody", "tr", "th", "td", "img", "div",
}
CLASSES = {"photo", "gallery", "video", "video-link"}
PLAYERS = ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/")
SIZES = re.compile(r"^[0-9a-z ():,.%-]{1,120}$")
WIDTH = re.compile(r"^[0-9]{1,5}w$")
IMAGE_ATTRIBUTES = {"loading": {"lazy"}, "decoding": {"async"}}
REL = "nofollow noopener"

# Attributes whose value a browser reads as a URL (by local name, so xlink:href counts as href).
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "poster", "background", "cite", "data", "codebase", "longdesc", "lowsrc",
    "dynsrc", "ping", "manifest", "icon", "profile", "usemap", "classid", "archive", "srcset", "imagesrcset", "code",
}
LIST_ATTRIBUTES = {"srcset", "imagesrcset"}  # "url descriptor, url descriptor"
SPACE_LIST_ATTRIBUTES = {"ping", "archive"}  # space-separated URLs
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}
FORBIDDEN_IN_DOCUMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
# Characters the URL parser drops or strips (all ASCII controls and spaces; the parser removes tab and newlines
# anywhere and controls/space at the ends: removing them everywhere is stricter).
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.S)
CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.S)


def local_name(name):
    """The attribute or element name without its namespace ({http://www.w3.org/1999/xlink}href -> href)."""
    return name.rsplit("}", 1)[-1] if name.startswith("{") else name


def namespace(name):
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def normalised_url(value):
    return URL_NOISE.sub("", value).lower()


def dangerous_url(value):
    url = normalised_url(value)
    for scheme in DANGEROUS_SCHEMES:
        if url.startswith(scheme):
            return scheme
    return None


def urls_of(attribute, value):
    if attribute in LIST_ATTRIBUTES:
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    if attribute in SPACE_LIST_ATTRIBUTES:
        return value.split() or [value]
    return [value]


def safe_fragment_href(value):
    url = normalised_url(value)
    if url.startswith(("http://", "https://", "mailto:", "#")):
        return True
    path = url.replace("\\", "/")  # browsers read "\" as "/" in http(s) URLs: "/\evil" leaves the site
    return path.startswith("/") and not path.startswith("//")


def decoded_css(text):
    text = CSS_COMMENT.sub("", text)

    def unescape(match):
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return match.group(2)

    return URL_NOISE.sub("", CSS_ESCAPE.sub(unescape, text)).lower()


def css_problem(text, forbid_url):
    css = decoded_css(text)
    for marker in ("expression(", "javascript:", "vbscript:", "behavior:", "-moz-binding"):
        if marker in css:
            return marker
    if forbid_url and "url(" in css:
        return "url("
    return None


def element_name(element):
    tag = element.tag
    if tag is ElementTree.Comment:
        return "#comment"
    if not isinstance(tag, str):
        return "#other"
    return tag


def check_url_attributes(name, attributes, problems):
    for attribute, value in attributes.items():
        local = local_name(attribute).lower()
        if local in URL_ATTRIBUTES:
            for url in urls_of(local, value):
                scheme = dangerous_url(url)
                if scheme:
                    problems.append(f"<{name}> {attribute}={value!r} is a {scheme} URL")
    # <animate attributeName=href values=javascript:...> and <set attributeName=href to=...> write a URL attribute.
    target = next((v for a, v in attributes.items() if local_name(a).lower() == "attributename"), None)
    if target is not None and local_name(target.strip().lower().split(":")[-1]) in URL_ATTRIBUTES:
        for attribute, value in attributes.items():
            if local_name(attribute).lower() in ("values", "to", "from", "by"):
                for url in value.split(";"):
                    scheme = dangerous_url(url)
                    if scheme:
                        problems.append(f"<{name}> animates {target} to a {scheme} URL")


def safe_source(parts):
    """One srcset candidate, split: a safe image address and a width descriptor."""
    return len(parts) == 2 and WIDTH.match(parts[1]) and safe_fragment_href(parts[0]) \
        and not normalised_url(parts[0]).startswith(("mailto:", "#"))


def check_fragment(html):
    problems = []
    root = html5lib.parseFragment(html, container="div", treebuilder="etree", namespaceHTMLElements=False)
    for element in root.iter():
        if element is root:
            continue
        name = element_name(element)
        if name == "#comment":
            problems.append("comment node in sanitised output")
            continue
        if name not in ALLOWED_ELEMENTS:
            shown = f"{local_name(name)} ({namespace(name)})" if namespace(name) else name
            problems.append(f"element <{shown}> is not allowed")
        attributes = dict(element.attrib)
        check_url_attributes(name, attributes, problems)
        for attribute, value in attributes.items():
            if name == "a" and attribute == "href":
                if not safe_fragment_href(value):
                    problems.append(f"<a> href={value!r} is not http(s)/mailto/site-relative/#fragment")
            elif name == "a" and attribute == "rel":
                if value != REL:
                    problems.append(f"<a> rel={value!r} is not {REL!r}")
            elif name == "img" and attribute == "src":
                if not safe_fragment_href(value) or normalised_url(value).startswith(("mailto:", "#")):
                    problems.append(f"<img> src={value!r} is not http(s)/site-relative")
            elif name == "img" and attribute in ("width", "height"):
                if not (value.isascii() and value.isdigit() and 1 <= len(value) <= 5):
                    problems.append(f"<img> {attribute}={value!r} is not a number")
            elif name == "img" and attribute == "alt":
                pass
            elif name == "img" and attribute == "srcset":
                for candidate in value.split(","):
                    if not safe_source(candidate.split()):
                        problems.append(f"<img> srcset candidate {candidate!r} is not a safe image with a width")
            elif name == "img" and attribute == "sizes":
                if not SIZES.match(value):
                    problems.append(f"<img> sizes={value!r} is not allowed")
            elif name in ("figure", "div", "a") and attribute == "class":
                if not value.split() or not set(value.split()) <= CLASSES:
                    problems.append(f"<{name}> class={value!r} is not allowed")
            elif name == "a" and attribute == "data-player":
                if not value.startswith(PLAYERS) or URL_NOISE.search(value):
                    problems.append(f"<a> data-player={value!r} is not a video player")
            elif name == "img" and attribute in IMAGE_ATTRIBUTES:
                if value not in IMAGE_ATTRIBUTES[attribute]:
                    problems.append(f"<img> {attribute}={value!r} is not allowed")
            else:
                problems.append(f"attribute {attribute}={value!r} on <{local_name(name)}> is not allowed")
        if name == "a" and "href" in attributes:
            url = normalised_url(attributes["href"])
            if url.startswith(("http://", "https://", "mailto:")) and attributes.get("rel") != REL:
                problems.append(f"external link {attributes['href']!r} lacks rel={REL!r}")
    return problems


def check_document(html):
    problems = []
    root = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    for element in root.iter():
        name = element_name(element)
        if name.startswith("#"):
            continue
        local = local_name(name).lower()
        attributes = dict(element.attrib)
        for attribute, value in attributes.items():
            attribute_local = local_name(attribute).lower()
            if attribute_local.startswith("on"):
                problems.append(f"event handler {attribute}={value!r} on <{local}>")
            elif attribute_local == "srcdoc":
                problems.append(f"<{local}> has srcdoc {value[:60]!r}")
            elif attribute_local == "style":
                marker = css_problem(value, forbid_url=True)
                if marker:
                    problems.append(f"style attribute on <{local}> contains {marker}")
        check_url_attributes(local, attributes, problems)
        if local in FORBIDDEN_IN_DOCUMENTS:
            problems.append(f"<{local}> element")
        if local == "meta" and attributes.get("http-equiv", "").strip().lower() == "refresh":
            problems.append(f"<meta http-equiv=refresh content={attributes.get('content', '')!r}>")
        if local == "style" and not namespace(name):
            marker = css_problem(element.text or "", forbid_url=False)
            if marker:
                problems.append(f"<style> contains {marker}")
        if local == "script":
            text = "".join(element.itertext())
            script_type = attributes.get("type", "").strip().lower()
            if namespace(name):
                problems.append(f"<script> in {namespace(name)}")
            elif "src" in attributes:
                path = normalised_url(attributes["src"]).replace("\\", "/")
                if not path.startswith("/") or path.startswith("//"):
                    problems.append(f"<script src={attributes['src']!r}> is not site-relative")
                if text.strip():
                    problems.append("<script src> with inline content")
            elif script_type in DATA_BLOCK_TYPES:
                try:
                    json.loads(text)
                except ValueError as error:
                    problems.append(f"<script type={script_type}> is not valid JSON ({error})")
            elif text.strip():
                problems.append(f"inline script {text.strip()[:60]!r}")
    return problems


def check(case):
    """The problems of one case (an empty list when it is safe)."""
    html, context = case["html"], case.get("context", "fragment")
    try:
        if context == "fragment":
            return check_fragment(html)
        if context == "document":
            return check_document(html)
        return [f"unknown context {context!r}"]
    except Exception as error:  # a parser crash is a finding, not a reason to stop
        return [f"html5lib failed: {type(error).__name__}: {error}"]


def main():
    sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    cases = []
    unreadable = 0
    for number, raw in enumerate(sys.stdin.buffer, 1):
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        try:
            case = json.loads(line)
            if not isinstance(case, dict) or not isinstance(case.get("html"), str):
                raise ValueError('expected an object with an "html" string')
            case.setdefault("id", f"line {number}")
            cases.append(case)
        except ValueError as error:
            print(f"line {number}: unreadable case ({error}): {line[:300]}")
            unreadable += 1
    failures = unreadable
    for case, problems in zip(cases, map(check, cases)):
        if problems:
            failures += 1
            reasons = "; ".join(dict.fromkeys(problems))
            message = f"{case['id']}: {reasons} | html: {json.dumps(case['html'][:300], ensure_ascii=False)}"
            if "input" in case:
                message += f" | input: {json.dumps(str(case['input'])[:300], ensure_ascii=False)}"
            print(message)
    sys.stdout.flush()
    print(f"checked {len(cases)} cases, {failures} failures", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

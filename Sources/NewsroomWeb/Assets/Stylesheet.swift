extension Assets {
    /// System fonts (they carry every Vietnamese mark), a generous line height for stacked diacritics, contrast
    /// of at least 4.5:1, one column that reads well from a 360 px phone to a desktop.
    static let stylesheet = #"""
        :root {
          --ink: #1c1c1c; --muted: #5c5c5c; --paper: #ffffff; --wash: #f6f4ef; --rule: #e2ded5;
          --accent: #9f1c20; --accent-dark: #7a1518; --focus: #1a5fb4; --ok: #1d6b33;
          --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
          --serif: "Noto Serif", Georgia, "Times New Roman", serif;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--paper); color: var(--ink); font: 1.0625rem/1.7 var(--sans); }
        a { color: var(--accent); text-underline-offset: 0.15em; }
        a:hover { color: var(--accent-dark); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip-link { position: absolute; left: -9999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 1rem; }
        .masthead { border-bottom: 3px double var(--ink); background: var(--paper); }
        .masthead-inner { max-width: 46rem; margin: 0 auto; padding: 1rem 1rem .75rem; text-align: center; }
        .masthead-name { font: 700 2rem/1.2 var(--serif); color: var(--ink); text-decoration: none; letter-spacing: .02em; }
        .masthead-tagline { margin: .25rem 0 0; color: var(--muted); font-size: .875rem; }
        .page { max-width: 46rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
        .site-footer { border-top: 1px solid var(--rule); color: var(--muted); font-size: .875rem; text-align: center; padding: 1.5rem 1rem; }
        .site-footer p { margin: 0; }
        .muted { color: var(--muted); }
        .section-title { font: 700 1.25rem/1.4 var(--sans); text-transform: uppercase; letter-spacing: .04em;
          border-bottom: 2px solid var(--accent); padding-bottom: .25rem; margin: 0 0 1rem; }
        .article-list { list-style: none; margin: 0; padding: 0; }
        .teaser { padding: 1rem 0; border-bottom: 1px solid var(--rule); }
        .teaser-title { font: 700 1.3rem/1.4 var(--serif); margin: 0 0 .35rem; }
        .teaser-lead .teaser-title { font-size: 1.75rem; }
        .teaser-title a { color: var(--ink); text-decoration: none; }
        .teaser-title a:hover { color: var(--accent); text-decoration: underline; }
        .teaser-sapo { margin: 0 0 .35rem; }
        .teaser-meta, .article-date { color: var(--muted); font-size: .875rem; margin: 0; }
        .article-title { font: 700 clamp(1.6rem, 5vw, 2.3rem)/1.35 var(--serif); margin: .35rem 0 .75rem; }
        .sapo { font-weight: 600; font-size: 1.125rem; line-height: 1.65; margin: 0 0 1.25rem; }
        .article-body { font-family: var(--serif); font-size: 1.125rem; line-height: 1.8; }
        .article-body p { margin: 0 0 1.1rem; }
        .article-body h2 { font: 700 1.3rem/1.45 var(--sans); margin: 1.75rem 0 .75rem; }
        .article-body blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
        .comments { margin-top: 2.5rem; padding-top: 1rem; border-top: 2px solid var(--ink); }
        .comments-title { font: 700 1.25rem/1.4 var(--sans); margin: 0 0 1rem; }
        .comment-form { background: var(--wash); border: 1px solid var(--rule); border-radius: 6px; padding: 1rem; margin-bottom: 1.25rem; }
        .reply-form { margin: .75rem 0 0; }
        .form-row { display: grid; gap: 0 1rem; grid-template-columns: 1fr; }
        @media (min-width: 40rem) { .form-row { grid-template-columns: 1fr 1fr; } }
        .field { margin-bottom: .75rem; }
        .field label { display: block; font-weight: 600; font-size: .9375rem; margin-bottom: .25rem; }
        input[type=text], input[type=email], input[type=password], textarea { width: 100%; font: inherit; color: var(--ink); background: var(--paper);
          border: 1px solid #8a8a8a; border-radius: 4px; padding: .55rem .65rem; line-height: 1.6; }
        textarea { resize: vertical; min-height: 7.5rem; }
        [aria-invalid=true] { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
        .honeypot { position: absolute; left: -9999px; width: 1px; height: 1px; overflow: hidden; }
        .form-footer { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; }
        .limit { margin: 0; color: var(--muted); font-size: .9375rem; }
        .counter:not(:empty)::before { content: " · "; }
        .counter.over { color: var(--accent); font-weight: 600; }
        .button-primary { font: 600 1rem/1.4 var(--sans); color: #fff; background: var(--accent); border: 0; border-radius: 4px;
          padding: .65rem 1.25rem; min-height: 44px; cursor: pointer; }
        .button-primary:hover { background: var(--accent-dark); color: #fff; }
        a.button-primary { display: inline-block; text-decoration: none; }
        .button-primary:disabled { background: #8a8a8a; cursor: not-allowed; }
        .button-secondary { display: inline-block; border: 1px solid var(--accent); border-radius: 4px; padding: .5rem 1rem;
          text-decoration: none; font-weight: 600; }
        .form-error { color: var(--accent); font-weight: 600; margin: 0 0 .75rem; }
        .notice { background: #edf5ee; border-left: 4px solid var(--ok); padding: .65rem .9rem; margin: 0 0 1rem; }
        .comments-empty { color: var(--muted); margin: 1rem 0; }
        .comments-toolbar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .25rem 1rem;
          border-bottom: 1px solid var(--rule); padding-bottom: .5rem; }
        .comments-count { margin: 0; font-weight: 700; }
        .sort { display: flex; gap: 1rem; font-size: .9375rem; }
        .sort a { color: var(--muted); text-decoration: none; padding: .5rem 0; }
        .sort a[aria-current=true] { color: var(--accent); font-weight: 700; border-bottom: 2px solid var(--accent); }
        .thread { border-bottom: 1px solid var(--rule); padding: .9rem 0; }
        .comment-header { display: flex; flex-wrap: wrap; gap: 0 .75rem; align-items: baseline; }
        .comment-author { font-weight: 700; }
        .comment-time { color: var(--muted); font-size: .8125rem; text-decoration: none; }
        .comment-time:hover { text-decoration: underline; }
        .comment-reply-to { margin: .15rem 0 0; font-size: .875rem; color: var(--muted); }
        .comment-body { margin: .25rem 0 .35rem; white-space: pre-line; overflow-wrap: anywhere; }
        .comment-actions { display: flex; gap: 1.25rem; align-items: center; font-size: .875rem; }
        .like-form { margin: 0; }
        .like { font: inherit; color: var(--muted); background: none; border: 0; padding: .5rem 0; cursor: pointer; min-height: 44px; }
        .like:hover, .reply-link:hover { color: var(--accent); }
        .reply-link { color: var(--muted); text-decoration: none; padding: .5rem 0; }
        .replies { margin: .5rem 0 0 .75rem; padding-left: .9rem; border-left: 2px solid var(--rule); }
        .comment-reply { padding: .5rem 0; }
        .more { text-align: center; margin: 1.25rem 0 0; }
        .more-replies { margin: .25rem 0 0; font-size: .9375rem; }
        .comment.is-new { animation: arrive 2.5s ease-out; }
        @keyframes arrive { from { background: #fdf3d8; } to { background: transparent; } }
        @media (prefers-reduced-motion: reduce) { .comment.is-new { animation: none; } }
        .like[aria-pressed=true] { color: var(--accent); font-weight: 600; }
        [aria-busy=true] { opacity: .7; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .page-wide { max-width: 64rem; }
        .admin-bar { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 1.5rem; text-align: left; }
        .admin-masthead .masthead-name { font-size: 1.5rem; }
        .admin-masthead .masthead-inner { max-width: 64rem; }
        .desk-email { color: var(--muted); font-size: .875rem; }
        .admin-nav { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1.25rem; font-size: .9375rem; }
        .admin-who { color: var(--muted); }
        .inline-form { display: inline; margin: 0; }
        .link-button { font: inherit; color: var(--accent); background: none; border: 0; padding: .5rem 0; cursor: pointer; text-decoration: underline; }
        .badge { display: inline-block; min-width: 1.6em; padding: 0 .4em; border-radius: 1em; background: var(--ink); color: #fff;
          font-size: .8125rem; font-weight: 700; text-align: center; line-height: 1.6; }
        .badge-alert { background: var(--accent); }
        .queues { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; border-bottom: 1px solid var(--rule); margin-bottom: 1rem; }
        .queues a { color: var(--muted); text-decoration: none; padding: .5rem 0; }
        .queues a[aria-current=page] { color: var(--accent); font-weight: 700; border-bottom: 2px solid var(--accent); }
        .shortcuts-hint { color: var(--muted); font-size: .875rem; }
        .bulk-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin-bottom: .75rem; }
        .button-small { font: 600 .875rem/1.4 var(--sans); color: var(--ink); background: var(--paper); border: 1px solid #8a8a8a;
          border-radius: 4px; padding: .45rem .8rem; min-height: 40px; cursor: pointer; }
        .button-approve { color: #fff; background: var(--ok); border-color: var(--ok); }
        .desk-list { list-style: none; margin: 0; padding: 0; }
        .desk-item { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1rem; margin-bottom: .75rem; }
        .desk-item.is-current { border-color: var(--focus); box-shadow: 0 0 0 2px var(--focus); }
        .desk-item-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; }
        .desk-item .reason { margin-left: auto; font-size: .8125rem; color: var(--accent); font-weight: 600; }
        .desk-article { margin: .15rem 0; font-size: .875rem; color: var(--muted); }
        .desk-context { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid var(--rule); background: var(--wash); }
        .desk-context p { margin: .15rem 0; }
        .desk-actions { display: flex; flex-wrap: wrap; align-items: flex-start; gap: .5rem; }
        .desk-edit summary { cursor: pointer; padding: .5rem 0; font-weight: 600; font-size: .875rem; }
        .desk-edit[open] { flex-basis: 100%; }
        .desk-edit textarea { margin: .25rem 0 .5rem; }
        .filter { background: var(--wash); padding: .5rem .75rem; border-radius: 4px; }
        table.log { width: 100%; border-collapse: collapse; font-size: .9375rem; }
        table.log th, table.log td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--rule); }
        .log-text { white-space: pre-line; overflow-wrap: anywhere; max-width: 20rem; }
        .login { max-width: 26rem; margin: 1rem auto; }
        dialog { border: 1px solid var(--rule); border-radius: 6px; max-width: 24rem; }
        .shortcuts { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
        .shortcuts dd { margin: 0; }
        kbd { font-family: ui-monospace, monospace; border: 1px solid #8a8a8a; border-radius: 3px; padding: 0 .35em; }
        .report-link { color: var(--muted); text-decoration: none; padding: .5rem 0; font-size: .875rem; }
        .report-link:hover { color: var(--accent); }
        .report-reasons { border: 0; padding: 0; margin: 0 0 1rem; display: grid; gap: .5rem; }
        .report { font-size: .875rem; color: var(--muted); }
        .report summary { cursor: pointer; padding: .5rem 0; list-style: none; }
        .report summary::-webkit-details-marker { display: none; }
        .report[open] { flex-basis: 100%; }
        .report fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .report-form { margin: .25rem 0 .5rem; }
        .comment-actions { flex-wrap: wrap; }
        .word-list { columns: 12rem; padding-left: 1.25rem; }
        .word-list li { break-inside: avoid; }
        .word-kind { border: 0; padding: 0; margin: 0 0 .75rem; display: flex; gap: 1rem; }
        .words-form { max-width: 32rem; }
        mark { background: #fde68a; color: var(--ink); }
        .error-page { text-align: center; padding: 2rem 0; }
        .error-status { font: 700 3rem/1 var(--serif); color: var(--accent); margin: 0; }
        .sections { border-top: 1px solid var(--rule); }
        .sections ul { list-style: none; margin: 0 auto; padding: 0 1rem; max-width: 46rem; display: flex; gap: 0 1.25rem;
          overflow-x: auto; white-space: nowrap; justify-content: center; }
        .sections a { display: inline-block; padding: .6rem 0; color: var(--ink); text-decoration: none; font-weight: 600; font-size: .9375rem; }
        .sections a:hover { color: var(--accent); }
        .kicker { margin: 0 0 .15rem; font-size: .8125rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; }
        .kicker a { color: var(--accent); text-decoration: none; }
        .featured { margin-bottom: 1.5rem; }
        .teaser-cover img { display: block; width: 100%; height: auto; aspect-ratio: 16 / 9; object-fit: cover; border-radius: 4px;
          margin-bottom: .5rem; }
        .teaser:not(.teaser-lead) .teaser-cover { float: right; width: 38%; max-width: 12rem; margin: 0 0 .5rem 1rem; }
        .teaser::after { content: ""; display: block; clear: both; }
        .article-cover { margin: 0 0 1.25rem; }
        .article-cover img { display: block; width: 100%; height: auto; border-radius: 4px; }
        .byline { text-align: right; font-weight: 700; margin: 1.5rem 0 .5rem; }
        .byline a { color: var(--ink); text-decoration: none; }
        .tags { list-style: none; padding: 0; margin: 1rem 0 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        .tags a { display: inline-block; padding: .3rem .75rem; border: 1px solid var(--rule); border-radius: 1rem; background: var(--wash);
          color: var(--ink); text-decoration: none; font-size: .875rem; }
        .pagination { display: flex; flex-wrap: wrap; justify-content: center; gap: .5rem; margin: 1.5rem 0 0; }
        .pagination a, .pagination span { display: inline-block; min-width: 44px; min-height: 44px; padding: .55rem .8rem; text-align: center;
          border: 1px solid var(--rule); border-radius: 4px; text-decoration: none; }
        .pagination span[aria-current] { background: var(--ink); color: #fff; border-color: var(--ink); font-weight: 700; }
        .topic-feeds, .footer-links { color: var(--muted); font-size: .875rem; }
        .desk-title-row { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem 1rem; margin-bottom: 1rem; }
        .desk-title-row .section-title { margin: 0; flex: 1; }
        .article-filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1rem; background: var(--wash); padding: .75rem;
          border-radius: 6px; margin-bottom: .75rem; }
        .field-inline { margin: 0; }
        select, input[type=datetime-local], input[type=file] { font: inherit; color: var(--ink); background: var(--paper);
          border: 1px solid #8a8a8a; border-radius: 4px; padding: .45rem .5rem; max-width: 100%; }
        table.article-table { width: 100%; border-collapse: collapse; font-size: .9375rem; }
        table.article-table th, table.article-table td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--rule); }
        @media (max-width: 40rem) { table.article-table thead { display: none; }
          table.article-table tr { display: block; border-bottom: 1px solid var(--rule); padding: .5rem 0; }
          table.article-table td { display: inline-block; border: 0; padding: .1rem .5rem .1rem 0; }
          table.article-table td:first-child { display: block; font-weight: 600; } }
        .status { display: inline-block; padding: 0 .5em; border-radius: 3px; font-size: .8125rem; font-weight: 700; background: var(--wash);
          border: 1px solid var(--rule); }
        .status-published { background: #edf5ee; border-color: var(--ok); color: var(--ok); }
        .status-scheduled { background: #eaf1fb; border-color: var(--focus); color: var(--focus); }
        .status-unpublished { color: var(--accent); border-color: var(--accent); }
        .editor-layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
        @media (min-width: 60rem) { .editor-layout { grid-template-columns: minmax(0, 1fr) 14rem; } }
        .article-form .field-row { display: grid; gap: 0 1rem; grid-template-columns: minmax(0, 1fr); }
        .article-form select { width: 100%; }
        @media (min-width: 40rem) { .article-form .field-row { grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); } }
        .markdown-input { min-height: 20rem; }
        .hint { color: var(--muted); font-size: .8125rem; margin: .25rem 0 0; }
        .field-error { color: var(--accent); font-weight: 600; font-size: .875rem; margin: .25rem 0 0; }
        .checkbox { display: flex; align-items: center; gap: .5rem; font-weight: 400; min-height: 44px; }
        fieldset.field { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .75rem; }
        .form-actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
        .form-actions .button-secondary { background: var(--paper); font: 600 1rem/1.4 var(--sans); color: var(--accent); cursor: pointer; min-height: 44px; }
        .cover-thumb { display: block; max-width: 16rem; height: auto; border-radius: 4px; margin-bottom: .5rem; }
        .revisions h2 { font: 700 1rem/1.4 var(--sans); margin: 0 0 .5rem; }
        .revision-list { list-style: none; margin: 0; padding: 0; font-size: .875rem; }
        .revision-list li { padding: .35rem 0; border-bottom: 1px solid var(--rule); }
        .preview { margin-top: 2rem; border: 2px dashed var(--rule); border-radius: 6px; padding: 1rem; }
        .preview-label { font: 700 .875rem/1.4 var(--sans); text-transform: uppercase; color: var(--muted); margin: 0 0 .5rem; }
        .breadcrumb { margin: 0 0 .5rem; font-size: .9375rem; }
        .markdown-source { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--wash); padding: .75rem; border-radius: 4px; }
        div.form-error { background: #fbeeee; border-left: 4px solid var(--accent); padding: .5rem .9rem; }
        div.form-error p { margin: .15rem 0; }
        .masthead-search { display: flex; justify-content: center; gap: .5rem; margin: .6rem auto 0; max-width: 22rem; }
        .masthead-search input { flex: 1; min-width: 0; font: inherit; font-size: .9375rem; border: 1px solid #8a8a8a; border-radius: 4px;
          padding: .35rem .6rem; }
        input[type=search], input[type=date] { font: inherit; color: var(--ink); background: var(--paper); border: 1px solid #8a8a8a;
          border-radius: 4px; padding: .5rem .6rem; max-width: 100%; }
        .search-form input[type=search] { width: 100%; }
        .search-filters { display: grid; gap: 0 1rem; grid-template-columns: minmax(0, 1fr); }
        @media (min-width: 40rem) { .search-filters { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
        .search-filters select, .search-filters input { width: 100%; }
        .search-count { margin: 1.25rem 0 .5rem; font-weight: 600; }
        .search-results { list-style: none; margin: 0; padding: 0; }
        .search-result { padding: .9rem 0; border-bottom: 1px solid var(--rule); }
        .search-snippet { margin: 0 0 .35rem; }
        .search-result mark { background: #fde68a; color: var(--ink); padding: 0 .1em; border-radius: 2px; }
        .desk-search { margin: 0 0 1rem; }
        .desk-search label { display: block; font-weight: 600; font-size: .9375rem; margin-bottom: .25rem; }
        .desk-search-row { display: flex; gap: .5rem; }
        .desk-search-row input { flex: 1; min-width: 0; }
        """#
}

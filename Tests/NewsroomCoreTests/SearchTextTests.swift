import Testing

@testable import NewsroomCore

@Suite("Search text: folded and exact keys, Telex and VNI, queries, snippets")
struct SearchTextTests {
    @Test(arguments: [
        ("Việt", "viet", "vie6t5"), ("bàn", "ban", "ban2"), ("bán", "ban", "ban1"), ("ban", "ban", "ban"),
        ("Đà", "da", "d9a2"), ("người", "nguoi", "ngu7o7i2"), ("Nguyễn", "nguyen", "nguye6n4"), ("hòa", "hoa", "hoa2"),
        ("hoà", "hoa", "hoa2"), ("ĂN", "an", "a8n"), ("2023", "2023", "2023"),
    ])
    func wordsHaveAFoldedFormAndAnExactKey(word: String, folded: String, exact: String) {
        #expect(SearchWord(word) == SearchWord(folded: folded, exact: exact))
        // NFD input (as some keyboards send it) gives the same keys.
        #expect(SearchWord(word.decomposedStringWithCanonicalMapping) == SearchWord(folded: folded, exact: exact))
    }

    @Test(arguments: [
        ("vieejt", "vie6t5"), ("ngoaij", "ngoai5"), ("dduwowngf", "d9u7o7ng2"), ("nguowif", "ngu7o7i2"), ("vie65t", "vie6t5"),
        ("d9u7o7ng2", "d9u7o7ng2"), ("hoaf", "hoa2"), ("tieengs", "tie6ng1"), ("aw", "a8"), ("w", "u7"), ("banf", "ban2"),
    ])
    func telexAndVNIAreReadAsTheWordTheySpell(typed: String, exact: String) throws {
        let decoded = try #require(InputMethod.decode(typed))
        #expect(decoded.exact == exact)
        #expect(decoded.folded == exact.filter(\.isLetter))
    }

    @Test(arguments: ["ban", "nam", "2023", "giao", "sao", "xa", "hanoi"])
    func wordsWithoutKeystrokesAreLeftAlone(typed: String) {
        #expect(InputMethod.decode(typed) == nil)
    }

    @Test func queriesKeepOnlyWordsAndPhrases() {
        #expect(SearchQuery("!!! ??? ... \"\" *").isEmpty)
        #expect(SearchQuery("  ").isEmpty)
        let query = SearchQuery("\"Bộ Ngoại giao\" ngoaij OR*")
        #expect(query.terms.count == 3)
        #expect(query.terms[0] == .phrase([SearchWord("bộ"), SearchWord("ngoại"), SearchWord("giao")]))
        #expect(query.terms[1] == .word([SearchWord("ngoaij"), SearchWord(folded: "ngoai", exact: "ngoai5")]))
        // "or" is also Telex for "ỏ": both readings are searched, as typed first.
        #expect(query.terms[2] == .word([SearchWord("or"), SearchWord("ỏ")]))
        // An unclosed quote quotes to the end; a lone quoted word is a word.
        #expect(SearchQuery("\"đà lạt").terms == [.phrase([SearchWord("đà"), SearchWord("lạt")])])
        #expect(SearchQuery("\"huế\"").terms == [.word([SearchWord("huế")])])
        #expect(SearchQuery(String(repeating: "từ ", count: 40)).terms.count == SearchQuery.maxTerms)
    }

    @Test func snippetsMarkTheMatchedWordsInTheirOwnDiacritics() {
        let text = "Sáng nay, đoàn công tác của Bộ Ngoại giao đã đến Đà Lạt để làm việc với tỉnh về du lịch và giao thương."
        let snippet = SearchSnippet(text, query: SearchQuery("ngoai giao da lat"), words: 12)
        // Without diacritics, "da" is đã as well as Đà.
        #expect(snippet.parts.filter(\.matched).map(\.text) == ["Ngoại", "giao", "đã", "Đà", "Lạt"])
        #expect(snippet.parts.first?.text == "… ")
        #expect(snippet.parts.last?.text == " …")
        #expect(snippet.text == "… nay, đoàn công tác của Bộ Ngoại giao đã đến Đà Lạt …")
        let untouched = SearchSnippet("Không có gì.", query: SearchQuery("xyz"))
        #expect(untouched.text == "Không có gì." && untouched.parts.allSatisfy { !$0.matched })
        #expect(SearchSnippet.whole("Hà Nội mùa thu", query: SearchQuery("ha noi")).parts.filter(\.matched).map(\.text) == ["Hà", "Nội"])
    }
}

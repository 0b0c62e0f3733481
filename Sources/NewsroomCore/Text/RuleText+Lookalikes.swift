extension RuleText {
    /// Letters of other scripts (and a few Latin ones) drawn like a Latin letter, with the letter they pass for.
    /// Taken from Unicode's confusables (UTS #39), kept to those whose prototype is a plain letter, plus the Latin
    /// small capitals and their Cyrillic twins ("в", "к", "м", "н", "т"), which the confusables map to small capitals. Letters
    /// with marks need no entry: they are mapped after NFD ("ё" → "ë"). Keys are written as code points because the
    /// characters themselves cannot be told from their Latin targets on screen.
    static let lookalikes: [UInt32: Unicode.Scalar] = {
        var table = scripts
        // Cherokee small letters (Unicode 8) look like their capitals, made small: read them as the lowercase target.
        for (capital, latin) in scripts where (0x13A0...0x13EF).contains(capital) {
            table[capital - 0x13A0 + 0xAB70] = Unicode.Scalar(String(latin).lowercased()) ?? latin
        }
        return table
    }()

    private static let scripts: [UInt32: Unicode.Scalar] = [
        // Cyrillic capitals: Ѕ І Ј А В Е К М Н О Р С Т У Х Ь Ѵ Ү Ӏ Ԍ Ԛ Ԝ
        0x0405: "S", 0x0406: "I", 0x0408: "J", 0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041A: "K", 0x041C: "M",
        0x041D: "H", 0x041E: "O", 0x0420: "P", 0x0421: "C", 0x0422: "T", 0x0423: "Y", 0x0425: "X", 0x042C: "b",
        0x0474: "V", 0x04AE: "Y", 0x04C0: "l", 0x050C: "G", 0x051A: "Q", 0x051C: "W",
        // Cyrillic small letters: а в г е к м н о р с т у х ѕ і ј ѡ ѵ ү һ ҽ ӏ ԁ ԛ ԝ
        0x0430: "a", 0x0432: "b", 0x0433: "r", 0x0435: "e", 0x043A: "k", 0x043C: "m", 0x043D: "h", 0x043E: "o",
        0x0440: "p", 0x0441: "c", 0x0442: "t", 0x0443: "y", 0x0445: "x", 0x0455: "s", 0x0456: "i", 0x0458: "j",
        0x0461: "w", 0x0475: "v", 0x04AF: "y", 0x04BB: "h", 0x04BD: "e", 0x04CF: "l", 0x0501: "d", 0x051B: "q",
        0x051D: "w",
        // Greek capitals: Ϳ Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ ϒ Ϝ Ϲ Ϻ
        0x037F: "J", 0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0396: "Z", 0x0397: "H", 0x0399: "I", 0x039A: "K",
        0x039C: "M", 0x039D: "N", 0x039F: "O", 0x03A1: "P", 0x03A4: "T", 0x03A5: "Y", 0x03A7: "X", 0x03D2: "Y",
        0x03DC: "F", 0x03F9: "C", 0x03FA: "M",
        // Greek small letters: α γ ι κ ν ο ρ σ υ χ ϱ ϲ ϳ
        0x03B1: "a", 0x03B3: "y", 0x03B9: "i", 0x03BA: "k", 0x03BD: "v", 0x03BF: "o", 0x03C1: "p", 0x03C3: "o",
        0x03C5: "u", 0x03C7: "x", 0x03F1: "p", 0x03F2: "c", 0x03F3: "j",
        // Armenian: Ս Տ Օ ա գ զ հ ո ռ ս ց ք օ
        0x054D: "U", 0x054F: "S", 0x0555: "O", 0x0561: "w", 0x0563: "q", 0x0566: "q", 0x0570: "h", 0x0578: "n",
        0x057C: "n", 0x057D: "u", 0x0581: "g", 0x0584: "f", 0x0585: "o",
        // Cherokee: Ꭰ Ꭱ Ꭲ Ꭵ Ꭹ Ꭺ Ꭻ Ꭼ Ꮃ Ꮇ Ꮋ Ꮍ Ꮐ Ꮒ Ꮓ Ꮟ Ꮢ Ꮤ Ꮥ Ꮩ Ꮪ Ꮮ Ꮯ Ꮲ Ꮶ Ꮷ Ᏻ Ᏼ
        0x13A0: "D", 0x13A1: "R", 0x13A2: "T", 0x13A5: "i", 0x13A9: "Y", 0x13AA: "A", 0x13AB: "J", 0x13AC: "E",
        0x13B3: "W", 0x13B7: "M", 0x13BB: "H", 0x13BD: "Y", 0x13C0: "G", 0x13C2: "h", 0x13C3: "Z", 0x13CF: "b",
        0x13D2: "R", 0x13D4: "W", 0x13D5: "S", 0x13D9: "V", 0x13DA: "S", 0x13DE: "L", 0x13DF: "C", 0x13E2: "P",
        0x13E6: "K", 0x13E7: "d", 0x13F3: "G", 0x13F4: "B",
        // Latin letters of other alphabets (IPA, African): ı ȷ ǀ Ɩ Ƅ ƍ Ʀ ƽ ɑ ɡ ɣ ɩ ɯ ʋ ℮
        0x0131: "i", 0x0237: "j", 0x01C0: "l", 0x0196: "l", 0x0184: "b", 0x018D: "g", 0x01A6: "R", 0x01BD: "s",
        0x0251: "a", 0x0261: "g", 0x0263: "y", 0x0269: "i", 0x026F: "w", 0x028B: "u", 0x212E: "e",
        // Latin small capitals: ᴀ ʙ ᴄ ᴅ ᴇ ꜰ ɢ ʜ ɪ ᴊ ᴋ ʟ ᴍ ɴ ᴏ ᴑ ᴘ ꞯ ʀ ꜱ ᴛ ᴜ ᴠ ᴡ ʏ ᴢ
        0x1D00: "a", 0x0299: "b", 0x1D04: "c", 0x1D05: "d", 0x1D07: "e", 0xA730: "f", 0x0262: "g", 0x029C: "h",
        0x026A: "i", 0x1D0A: "j", 0x1D0B: "k", 0x029F: "l", 0x1D0D: "m", 0x0274: "n", 0x1D0F: "o", 0x1D11: "o",
        0x1D18: "p", 0xA7AF: "q", 0x0280: "r", 0xA731: "s", 0x1D1B: "t", 0x1D1C: "u", 0x1D20: "v", 0x1D21: "w",
        0x028F: "y", 0x1D22: "z",
        // ℓ: NFKC folds it as well; listed so that the table holds on its own.
        0x2113: "l",
        // Letters with a stroke, bar or hook that no decomposition removes (TR39 reads them as the letter and an
        // overlay): ł Ł ƚ ɫ ɬ ɭ ƈ ȼ Ȼ ɕ ø Ø ɵ ɓ ƀ ɗ ƌ ɖ ɠ ħ ɦ ɨ ʝ ƙ ɱ ɲ ɳ ƥ ɽ ʂ ƭ ʈ ŧ ʉ ʋ ƴ ƶ ȥ ʐ
        // (đ Đ are Vietnamese letters and stay as they are).
        0x0142: "l", 0x0141: "L", 0x019A: "l", 0x026B: "l", 0x026C: "l", 0x026D: "l", 0x0188: "c", 0x023C: "c",
        0x023B: "C", 0x0255: "c", 0x00F8: "o", 0x00D8: "O", 0x0275: "o", 0x0253: "b", 0x0180: "b", 0x0257: "d",
        0x018C: "d", 0x0256: "d", 0x0260: "g", 0x0127: "h", 0x0266: "h", 0x0268: "i", 0x029D: "j", 0x0199: "k",
        0x0271: "m", 0x0272: "n", 0x0273: "n", 0x01A5: "p", 0x027D: "r", 0x0282: "s", 0x01AD: "t", 0x0288: "t",
        0x0167: "t", 0x0289: "u", 0x01B4: "y", 0x01B6: "z", 0x0225: "z", 0x0290: "z",
    ]
}

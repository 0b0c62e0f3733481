import Foundation

/// The Unicode scalars of a string, so tests can tell NFC from NFD: Swift's `==` on `String` compares
/// canonically equivalent strings as equal and would hide a missing normalisation.
func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

/// The same text in Normalization Form D, as a keyboard that types combining marks produces it.
func nfd(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }

/// Whether every scalar of the text is already in its composed form (no combining mark that NFC would absorb).
func isNFC(_ text: String) -> Bool { scalars(text) == scalars(text.precomposedStringWithCanonicalMapping) }

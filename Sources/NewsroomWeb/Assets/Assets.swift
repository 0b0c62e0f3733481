/// The static files the pages use, compiled into the binary so a newspaper deploys one file. Their URLs carry a
/// version, so they can be cached for a year and still change with a release.
enum Assets {
    static let stylesheetVersion = "1"
    static let scriptVersion = "1"
    static let script = "// Progressive enhancement arrives with the next release; every page works without it.\n"
}

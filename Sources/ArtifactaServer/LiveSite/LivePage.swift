/// Changes a built page for serving live: a `<meta name="artifacta-live">` with the site's
/// version, which `artifacta.js` polls `/api/changes` against, and `connect-src 'self'`
/// in the page's Content-Security-Policy so that the poll is allowed. Built sites opened
/// from disk have neither and never poll.
enum LivePage {
    static func inject(version: String, into html: String) -> String {
        var page = html
        if let head = page.range(of: "<head>") {
            page.replaceSubrange(head, with: "<head>\n<meta name=\"artifacta-live\" content=\"\(version)\">")
        }
        if let policy = page.range(of: "content=\"default-src 'none';") {
            page.replaceSubrange(policy, with: "content=\"default-src 'none'; connect-src 'self';")
        }
        return page
    }
}

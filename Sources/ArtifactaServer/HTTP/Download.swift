import ArtifactaCore
import ArtifactaStore
import Foundation
import Hummingbird

/// Blob content sent as a download: streamed from the store's blobs (named by hash only, so
/// no request can point elsewhere), with `Content-Disposition: attachment`.
enum Download {
    static func blob(
        _ hash: String, name: String, mediaType: String, store: BackgroundStore, context: some RequestContext
    ) async throws -> Response {
        guard BlobStore.isHash(hash), store.store.blobs.contains(hash) else {
            throw APIError(StoreError.missingBlob(hash: hash))
        }
        let body = try await FileIO().loadFile(path: store.store.blobs.url(for: hash).path, context: context)
        var headers: HTTPFields = [
            .contentType: mediaType, .contentDisposition: contentDisposition(name),
        ]
        headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        return Response(status: .ok, headers: headers, body: body)
    }

    /// RFC 3986's unreserved characters, ASCII only.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `attachment; filename="plain ASCII"; filename*=UTF-8''percent-encoded`.
    static func contentDisposition(_ name: String) -> String {
        let base = ArtifactPath.safeFileName(String(name.split(separator: "/").last ?? "download"))
        let ascii = String(base.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "%" ? Character($0) : "_" })
        let encoded = base.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

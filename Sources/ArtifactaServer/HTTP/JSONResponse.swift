import ArtifactaCore
import Hummingbird

/// JSON responses, written by Core's `JSONWriter` with NaN and ±Infinity as strings so that
/// any JSON reader accepts them.
enum JSONResponse {
    static let writer = JSONWriter(nonFinite: .strings)

    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let text = writer.string(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

import Foundation

/// A TCP server on 127.0.0.1 that misbehaves the way an attacker's or a broken server would,
/// for the tests of certwiz's network deadlines and caps. Runs python3 (no TLS library needed:
/// it writes raw TLS records).
public final class HostileServer {
    public enum Behaviour: String, Sendable {
        /// Accepts and never sends a byte.
        case silent
        /// Sends a well-formed TLS record one byte every half second (over two hours in all).
        case drip
        /// Sends 10 MB of 4-byte handshake messages (HelloRequest), in full records.
        case flood
        /// Announces a Certificate message of 16 MB and sends records of it without end.
        case hugeRecord = "huge"
        /// Closes the connection as soon as the client has spoken.
        case hangUp
        /// Sends a Certificate message that holds no certificate.
        case emptyChain
        /// Answers as nginx does on a port without `ssl`: an HTTP 400, then closes.
        case plainHTTP
        /// Refuses the ClientHello with a fatal alert: handshake_failure (40), internal_error (80),
        /// unrecognized_name (112).
        case alertHandshakeFailure = "alert40"
        case alertInternalError = "alert80"
        case alertUnrecognizedName = "alert112"
    }

    public let port: Int
    private let program: BackgroundProgram

    public init(_ behaviour: Behaviour) throws {
        port = try freeLocalPort()
        let script = #"""
            import socket, sys, time, threading
            mode, port = sys.argv[1], int(sys.argv[2])
            server = socket.socket()
            server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            server.bind(("127.0.0.1", port))
            server.listen(16)
            def record(body):
                return bytes([22, 3, 3, len(body) >> 8, len(body) & 255]) + body
            def serve(conn):
                try:
                    conn.settimeout(1)
                    try: conn.recv(65536)
                    except Exception: pass
                    if mode == "silent":
                        time.sleep(3600)
                    elif mode == "drip":
                        # A well-formed record header announcing 16 KB, then its body one byte at a time.
                        for byte in bytes([22, 3, 3, 0x40, 0]) + b"\x02" * 0x4000:
                            conn.send(bytes([byte])); time.sleep(0.5)
                    elif mode == "flood":
                        body = b"\x00\x00\x00\x00" * 4096
                        for _ in range(10 * 1024 * 1024 // len(body)):
                            conn.sendall(record(body))
                        time.sleep(3600)
                    elif mode == "hangUp":
                        conn.close()
                    elif mode == "emptyChain":
                        conn.sendall(record(b"\x0b\x00\x00\x03\x00\x00\x00"))
                        time.sleep(3600)
                    elif mode == "plainHTTP":
                        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        conn.close()
                    elif mode.startswith("alert"):
                        conn.sendall(bytes([21, 3, 3, 0, 2, 2, int(mode[5:])]))
                        time.sleep(1)
                        conn.close()
                    elif mode == "huge":
                        conn.sendall(record(b"\x0b\xff\xff\xff" + b"\x00" * 16000))
                        while True:
                            conn.sendall(record(b"\x00" * 16384))
                except Exception:
                    pass
            while True:
                conn, _ = server.accept()
                threading.Thread(target=serve, args=(conn,), daemon=True).start()
            """#
        // The script goes on the command line, so no file is left in the temporary folder.
        program = try BackgroundProgram("python3", ["-c", script, behaviour.rawValue, "\(port)"])
        guard waitUntilListening(port) else { throw NginxServer.StartError(output: "the hostile server did not start: " + program.outputText) }
    }

    public func stop() { program.stop() }
    deinit { stop() }
}

import TheaterServer

extension ClientOptions {
    /// Connects, runs `body` with the connection and closes it, also when `body` throws.
    func withServer<T>(_ body: (ManagementClient) async throws -> T) async throws -> T {
        let server = try await connect()
        do {
            let result = try await body(server)
            await server.close()
            return result
        } catch {
            await server.close()
            throw error
        }
    }
}

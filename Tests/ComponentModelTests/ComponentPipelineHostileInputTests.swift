import Foundation
import Testing
import WasmEngine
@testable import ComponentModel

/// Mutated versions of every valid component of the Component Model's reference tests go
/// through the whole pipeline — decode, validate, instantiate, call every export — and
/// each step either succeeds or fails with its own typed error: never a crash or a hang
/// (fuel bounds every run), and nothing the validator accepted may trip the runtime
/// into anything but a `ComponentLinkError` or `ComponentTrap`.
@Suite struct ComponentPipelineHostileInputTests {
    /// The binaries of the suite's valid components (those that decode and validate).
    static func validSeeds() throws -> [[UInt8]] {
        let folder = URL(fileURLWithPath: SharedTestData.componentModelTests)
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var seeds: [[UInt8]] = []
        for case let file as URL in walker where file.pathExtension == "wast" {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let script = try? ComponentWastScript.parse(text) else { continue }
            for command in script.commands {
                guard case .component(let module) = command else { continue }
                var binary: [UInt8]?
                switch module.source {
                case .binary(let bytes): binary = bytes
                case .quote(let text): binary = try? ComponentWAT.encode(text)
                case .textError: binary = nil
                }
                guard let bytes = binary, let component = try? Component(decoding: bytes),
                      (try? ComponentValidator.validate(component)) != nil else { continue }
                seeds.append(bytes)
            }
        }
        return seeds
    }

    /// A value of `type` for calling an export with arguments (nil for handles, which
    /// cannot be made up).
    static func sampleValue(_ type: ABIType) -> ComponentValue? {
        switch type {
        case .bool: return .bool(true)
        case .s8: return .s8(-1)
        case .u8: return .u8(1)
        case .s16: return .s16(-1)
        case .u16: return .u16(1)
        case .s32: return .s32(-1)
        case .u32: return .u32(1)
        case .s64: return .s64(-1)
        case .u64: return .u64(1)
        case .f32: return .f32(1.5)
        case .f64: return .f64(-2.5)
        case .char: return .char("é")
        case .string: return .string("hostile")
        case .list(let element): return sampleValue(element).map { .list([$0, $0]) }
        case .tuple(let types):
            let values = types.compactMap(sampleValue)
            return values.count == types.count ? .tuple(values) : nil
        case .record(let fields):
            let values = fields.compactMap { field in sampleValue(field.type).map { ComponentField(field.label, $0) } }
            return values.count == fields.count ? .record(values) : nil
        case .variant(let cases):
            guard let first = cases.first else { return nil }
            guard let payloadType = first.type else { return .variant(caseName: first.label, payload: nil) }
            return sampleValue(payloadType).map { .variant(caseName: first.label, payload: $0) }
        case .enum(let labels): return labels.first.map { .enum($0) }
        case .option(let type): return sampleValue(type).map { .option($0) }
        case .result(let ok, _):
            guard let ok else { return .result(.ok(nil)) }
            return sampleValue(ok).map { .result(.ok($0)) }
        case .flags(let labels): return .flags(Set(labels.prefix(1)))
        case .own, .borrow: return nil
        }
    }

    /// How far an input got through the pipeline.
    enum Stage: Int { case decoding, validation, instantiation, calls }

    /// Runs one input through the pipeline; any error must be one of the pipeline's own.
    @discardableResult
    static func run(_ bytes: [UInt8], label: String) -> Stage {
        let component: Component
        do { component = try Component(decoding: bytes) } catch is ComponentDecodeError { return .decoding } catch {
            Issue.record("\(label): decoding threw \(type(of: error))")
            return .decoding
        }
        do { _ = try ComponentValidator.validate(component) } catch { return .validation }
        let linker = ComponentLinker(store: Store(configuration: StoreConfiguration(fuel: 200_000)))
        linker.definesUnknownImportsAsTraps = true
        let instance: ComponentInstance
        do { instance = try linker.instantiate(component) } catch {
            if !(error is ComponentLinkError || error is ComponentTrap) {
                Issue.record("\(label): instantiation threw \(type(of: error)): \(error)")
            }
            return .instantiation
        }
        for name in instance.exportNames {
            guard let function = instance.function(named: name) else { continue }
            let arguments = function.type.parameters.compactMap(sampleValue)
            guard arguments.count == function.type.parameters.count else { continue }
            do { _ = try function.call(arguments) } catch {
                if !(error is ComponentTrap) { Issue.record("\(label): call of \(name) threw \(type(of: error))") }
            }
        }
        return .calls
    }

    @Test func theSuitesValidComponentsRunOrFailCleanly() throws {
        let seeds = try Self.validSeeds()
        #expect(seeds.count > 150)
        for (index, seed) in seeds.enumerated() { Self.run(seed, label: "seed \(index)") }
    }

    @Test func mutatedComponentsNeverCrashTheValidatorOrTheRuntime() throws {
        let seeds = try Self.validSeeds()
        try #require(!seeds.isEmpty)
        var rng = SeededRandom(seed: 0x5EED_C0DE)
        let scale = Int(ProcessInfo.processInfo.environment["HOSTILE_INPUT_SCALE"] ?? "") ?? 1
        var reached: [Stage: Int] = [:]
        for iteration in 0..<(6000 * scale) {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            // Mutations keep the 8-byte preamble (its failures are covered by the decoder tests).
            guard bytes.count > 8 else { continue }
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                let position = Int.random(in: 8..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
                case 2: bytes[position] = [0x00, 0x01, 0x7F, 0x80, 0xFF].randomElement(using: &rng)!
                default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
                }
            }
            reached[Self.run(bytes, label: "mutation \(iteration)"), default: 0] += 1
        }
        // The mutations must reach every stage, or the test would only exercise the decoder.
        #expect(reached[.validation, default: 0] > 300 * scale)
        #expect(reached[.calls, default: 0] > 100 * scale, "\(reached)")
    }
}

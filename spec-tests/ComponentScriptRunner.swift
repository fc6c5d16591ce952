import ComponentModel
import WasmEngine

/// Runs the commands of one component script and tallies each as a test.
///
/// Stages that need the validator or the runtime go through `ComponentPipeline`'s seams;
/// while a seam is not wired the assertions that need it fail with "... not wired", so
/// nothing passes without having been checked.
final class ComponentScriptRunner {
    private var definitions: [String: Component] = [:]
    private var namedInstances: [String: ComponentScriptInstance] = [:]
    private var currentInstance: ComponentScriptInstance?
    private(set) var tally = Tally()

    func run(_ script: ComponentWastScript) {
        for command in script.commands { run(command) }
    }

    private func run(_ command: ComponentWastCommand) {
        switch command {
        case .component(let component): define(component)
        case .instance(let name, let definition, let line): instantiateDefinition(name, definition, line: line)
        case .action(let action, let line):
            do { _ = try perform(action) } catch { tally.fail("invoke", line: line, "\(error)") }
        case .assertReturn(let action, let expected, let line): assertReturn(action, expected, line: line)
        case .assertTrap(let action, let message, let line): assertTrap(action, message: message, line: line)
        case .assertTrapComponent(let component, let message, let line):
            expectInstantiationFailure("assert_trap", component, message: message, line: line)
        case .assertUnlinkable(let component, let message, let line):
            expectInstantiationFailure("assert_unlinkable", component, message: message, line: line)
        case .assertMalformed(let component, let message, let line): assertMalformed(component, message: message, line: line)
        case .assertInvalid(let component, let message, let line): assertInvalid(component, message: message, line: line)
        }
    }

    /// `(component ...)`: it must encode, decode (and validate); a non-definition is
    /// also instantiated (a separate test, kind "instantiate").
    private func define(_ component: ComponentWastModule) {
        let decoded: Component
        do { decoded = try ComponentPipeline.load(component) } catch {
            currentInstance = nil
            tally.fail("component", line: component.line, "component failed to load: \(error)")
            return
        }
        tally.pass("component")
        if let name = component.name { definitions[name] = decoded }
        guard !component.isDefinition else { return }
        do {
            let instance = try ComponentPipeline.instantiate(decoded)
            currentInstance = instance
            if let name = component.name { namedInstances[name] = instance }
            tally.pass("instantiate")
        } catch {
            currentInstance = nil
            tally.fail("instantiate", line: component.line, "\(error)")
        }
    }

    /// `(component instance $i $X)`.
    private func instantiateDefinition(_ name: String?, _ definition: String, line: Int) {
        guard let component = definitions[definition] else {
            tally.fail("instantiate", line: line, "no component definition named $\(definition)")
            return
        }
        do {
            let instance = try ComponentPipeline.instantiate(component)
            currentInstance = instance
            if let name { namedInstances[name] = instance }
            tally.pass("instantiate")
        } catch {
            currentInstance = nil
            tally.fail("instantiate", line: line, "\(error)")
        }
    }

    private func perform(_ action: ComponentWastAction) throws -> [ComponentValue] {
        switch action {
        case .invoke(let instanceName, let name, let arguments):
            let instance = instanceName.map { namedInstances[$0] } ?? currentInstance
            guard let instance else { throw HarnessError.unknownModule(instanceName) }
            return try ComponentPipeline.invoke(instance, name, arguments)
        }
    }

    private func assertReturn(_ action: ComponentWastAction, _ expected: [ComponentValue], line: Int) {
        let kind = "assert_return"
        do {
            let results = try perform(action)
            if results == expected {
                tally.pass(kind)
            } else {
                tally.fail(kind, line: line, "result mismatch: got \(results), expected \(expected)")
            }
        } catch {
            tally.fail(kind, line: line, "expected results, got \(error)")
        }
    }

    private func assertTrap(_ action: ComponentWastAction, message: String, line: Int) {
        let kind = "assert_trap"
        do {
            let results = try perform(action)
            tally.fail(kind, line: line, "expected trap \"\(message)\", got \(results)")
        } catch let failure as ComponentLoadFailure {
            tally.fail(kind, line: line, "expected trap \"\(message)\", got \(failure)")
        } catch {
            let actual = "\(error)"
            if actual.hasPrefix(message) || actual.contains(message) {
                tally.pass(kind)
            } else {
                tally.fail(kind, line: line, "expected trap \"\(message)\", got \"\(actual)\"")
            }
        }
    }

    /// `assert_trap (component ...)` and `assert_unlinkable`: loading must succeed and
    /// instantiation must fail (only checkable with the runtime).
    private func expectInstantiationFailure(_ kind: String, _ component: ComponentWastModule, message: String, line: Int) {
        do {
            let decoded = try ComponentPipeline.load(component)
            _ = try ComponentPipeline.instantiate(decoded)
            tally.fail(kind, line: line, "expected failure \"\(message)\", but the component instantiated")
        } catch {
            let actual = "\(error)"
            if actual.contains(message) {
                tally.pass(kind)
            } else {
                tally.fail(kind, line: line, "expected \"\(message)\", got \(error)")
            }
        }
    }

    /// Text or decoding must fail (the message is not compared, as in the core harness).
    private func assertMalformed(_ component: ComponentWastModule, message: String, line: Int) {
        let kind = "assert_malformed"
        do {
            _ = try ComponentPipeline.decode(try ComponentPipeline.bytes(of: component))
            tally.fail(kind, line: line, "expected malformed \"\(message)\", but the component decoded")
        } catch .text, .decode {
            tally.pass(kind)
        } catch {
            tally.fail(kind, line: line, "expected malformed \"\(message)\", got \(error)")
        }
    }

    /// Must encode, then fail to decode or to validate. A validation error must contain
    /// the script's message (the suite's strings are written to be found inside the
    /// engine's message, which may add context around them).
    private func assertInvalid(_ component: ComponentWastModule, message: String, line: Int) {
        let kind = "assert_invalid"
        do {
            _ = try ComponentPipeline.load(component)
            tally.fail(kind, line: line, "expected invalid \"\(message)\", but the component validated")
        } catch .decode {
            tally.pass(kind)
        } catch .validation(let actual) {
            if actual.contains(message) {
                tally.pass(kind)
            } else {
                tally.fail(kind, line: line, "expected invalid \"\(message)\", got \"\(actual)\"")
            }
        } catch {
            tally.fail(kind, line: line, "expected invalid \"\(message)\", got \(error)")
        }
    }
}

import Foundation
import Testing
import Theater

/// `${VAR}`, `${VAR:-default}` and `$${` in manifest strings.
@Suite struct ManifestSubstitutionTests {
    private func component(_ written: String, _ environment: [String: String]) throws -> String {
        try ManifestFixture.parse("name = \"a\"\ncomponent = \"\(written)\"\n", environment: environment).component
    }

    @Test func replacesSetVariables() throws {
        #expect(try component("${DIR}/actor-${ID}.wasm", ["DIR": "build", "ID": "7"]) == "build/actor-7.wasm")
    }

    @Test func defaultWhenUnsetOrEmpty() throws {
        #expect(try component("${DIR:-out}/a.wasm", [:]) == "out/a.wasm")
        #expect(try component("${DIR:-out}/a.wasm", ["DIR": ""]) == "out/a.wasm")
        #expect(try component("${DIR:-out}/a.wasm", ["DIR": "bin"]) == "bin/a.wasm")
        #expect(try component("${DIR:-}a.wasm", [:]) == "a.wasm")
    }

    @Test func setButEmptyVariableWithoutDefaultIsEmpty() throws {
        #expect(try component("x${EMPTY}.wasm", ["EMPTY": ""]) == "x.wasm")
    }

    @Test func doubleDollarEscapesAndLoneDollarStays() throws {
        #expect(try component("$${HOME}/$5/a$.wasm", ["HOME": "/root"]) == "${HOME}/$5/a$.wasm")
    }

    @Test func valuesAreNotReparsedAsTOMLOrReferences() throws {
        let manifest = try ManifestFixture.parse(
            "name = \"a\"\ncomponent = \"${DIR}\"\n", environment: ["DIR": "x\" [limits] ${OTHER}"])
        #expect(manifest.component == "x\" [limits] ${OTHER}")
        #expect(manifest.limits == .defaults)
    }

    @Test func substitutesEveryStringIncludingNestedOnes() throws {
        let manifest = try ManifestFixture.parse("""
            name = "actor-${ID:-001}"
            component = "a.wasm"
            description = "runs as ${USER}"

            [[handlers]]
            type = "${KIND}"
            config = { allowed_vars = ["${V1}", "B"] }
            """, environment: ["USER": "ann", "KIND": "environment", "V1": "HOME"])
        #expect(manifest.name == "actor-001")
        #expect(manifest.description == "runs as ann")
        #expect(manifest.handlers == [.environment(EnvironmentConfig(allowedVars: ["HOME", "B"]))])
    }

    @Test func onlyTheGivenEnvironmentIsUsed() {
        // HOME is set in the test process, but the parser must not look there.
        let error = ManifestFixture.error("name = \"a\"\ncomponent = \"${HOME}/a.wasm\"\n", environment: [:])
        #expect(error?.message.contains("HOME is not set") == true)
    }

    @Test func sourceTextKeepsTheReferences() throws {
        let text = "name = \"${N}\"\ncomponent = \"a.wasm\"\n"
        #expect(try ManifestFixture.parse(text, environment: ["N": "x"]).sourceText == text)
    }

    @Test(arguments: [
        ("${UNSET}", "environment variable UNSET is not set"),
        ("${1ABC}", "does not name an environment variable"),
        ("${}", "does not name an environment variable"),
        ("${A B}", "does not name an environment variable"),
        ("${OPEN", "has no closing }"),
    ])
    func badReferencesNameTheProblem(written: String, advice: String) {
        let error = ManifestFixture.error("name = \"a\"\n\ncomponent = \"\(written)\"\n")
        #expect(error?.line == 3)
        #expect(error?.field == "component")
        #expect(error?.message.contains(advice) == true, "\(String(describing: error))")
    }

    @Test func keysAreNotSubstituted() {
        let error = ManifestFixture.error(ManifestFixture.minimal + "\"${KEY}\" = 1\n", environment: ["KEY": "version"])
        #expect(error?.field == "\"${KEY}\"")
    }
}

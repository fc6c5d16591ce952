import Testing
import Theater

/// Which variables the environment handler lets an actor read.
@Suite struct ManifestEnvironmentConfigTests {
    @Test func noRulesPermitEverything() {
        #expect(EnvironmentConfig().permits("HOME"))
    }

    @Test func deniedWinsOverAllowed() {
        let config = EnvironmentConfig(allowedVars: ["SECRET"], deniedVars: ["SECRET"], allowedPrefixes: ["SEC"])
        #expect(!config.permits("SECRET"))
    }

    @Test func deniedAloneNarrowsEverything() {
        let config = EnvironmentConfig(deniedVars: ["SECRET"])
        #expect(!config.permits("SECRET"))
        #expect(config.permits("HOME"))
    }

    @Test func allowedNamesAndPrefixesCombine() {
        let config = EnvironmentConfig(allowedVars: ["HOME"], allowedPrefixes: ["APP_"])
        #expect(config.permits("HOME"))
        #expect(config.permits("APP_MODE"))
        #expect(!config.permits("PATH"))
        #expect(!config.permits("APP"))
    }

    @Test func emptyAllowedListPermitsNothing() {
        let config = EnvironmentConfig(allowedVars: [])
        #expect(!config.permits("HOME"))
    }

    @Test func listingAllDoesNotWidenAccess() {
        let config = EnvironmentConfig(allowedVars: ["HOME"], allowListAll: true)
        #expect(!config.permits("PATH"))
    }
}

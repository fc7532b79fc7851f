// This project holds tests of both tiers, so each test class names its own, with no assembly-level default:
//   [Trait("Tier", "fast")]  in process (WebApplicationFactory) on the shared PostgreSQL
//   [Trait("Tier", "full")]  starts real processes (the service binary, a PostgreSQL cluster) or measures timing
// A class with no tier, or with two, fails TestTierTests (tests/AuthPlatform.ArchitectureTests), which
// build/test.sh runs first (docs/adr/0121-test-tiers.md).

// Every test in this project is in the fast tier: in process, on the shared PostgreSQL at most
// (build/test.sh fast; docs/adr/0121-test-tiers.md). A test that needs real processes belongs in another project.
[assembly: Xunit.Trait("Tier", "fast")]

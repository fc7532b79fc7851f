// Every test in this project is in the full tier: it runs real processes (the service binary, PostgreSQL
// clusters, Node.js, Python, Chromium), so build/test.sh runs it after the fast tier (docs/adr/0121-test-tiers.md).
[assembly: Xunit.Trait("Tier", "full")]

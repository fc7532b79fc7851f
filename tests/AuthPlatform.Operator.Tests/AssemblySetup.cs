using AuthPlatform.Testing;

[assembly: AssemblyFixture(typeof(TestDatabase))]

// One database for the assembly, reset between tests: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using AuthPlatform.Testing;

[assembly: AssemblyFixture(typeof(TestDatabase))]

// One test at a time: several tests measure timing or load, and the machine has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using ArchUnitNET.Fluent;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// The database is reached in two ways, both with the retry policy and pool recovery of ADR 0030: EF Core
/// (the DbContext's execution strategy) and SQL commands through SqlCommandRetry. Holding the connection
/// pool itself is left to the plumbing that builds or probes it, so a new SQL command cannot skip the
/// policy and fail the first request after the database dropped its connections.
/// </summary>
public sealed class DatabaseAccessTests
{
    [Fact]
    public void Only_the_database_plumbing_holds_the_connection_pool() =>
        Types().That().DoNotResideInNamespaceOrBelow("AuthPlatform.Infrastructure.Persistence")
            .And().DoNotResideInNamespace("AuthPlatform.Infrastructure.Doctor")
            .And().DoNotHaveFullName("Microsoft.Extensions.DependencyInjection.InfrastructureDependencyInjection")
            .Should().NotDependOnAny(Types(true).That().HaveFullName("Npgsql.NpgsqlDataSource"))
            .Because("SQL commands run through SqlCommandRetry, which retries what is safe and clears a pool of dead connections")
            .Check(Layers.Architecture);
}

using ArchUnitNET.Fluent;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// Dependency arrows point inward (ADR 0001): WebApi -> Application -> Domain, Infrastructure implements
/// Application's ports. Each rule names the types that break it, so a failure says where to look.
/// Types(true) includes the types the loaded assemblies only reference (EF Core, ASP.NET Core, Npgsql).
/// </summary>
public sealed class DependencyDirectionTests
{
    // Written as "depends on nothing outside" rather than OnlyDependOn: OnlyDependOn let a reference to
    // ASP.NET Core's HttpContext through (a type from an assembly the architecture does not load).
    [Fact]
    public void Domain_depends_on_nothing_but_itself_and_the_base_library() =>
        Types().That().ResideInAssembly(Layers.Domain)
            .Should().NotDependOnAny(Types(true).That()
                .DoNotResideInNamespaceOrBelow("AuthPlatform.Domain")
                .And().DoNotResideInNamespaceOrBelow("System")
                .And().DoNotResideInNamespaceOrBelow("Microsoft.CodeAnalysis")) // compiler-emitted attributes
            .Because("the domain holds the rules and must not know about use cases, storage or HTTP")
            .Check(Layers.Architecture);

    [Fact]
    public void Application_depends_on_no_web_database_driver_relational_provider_or_outer_layer() =>
        Types().That().ResideInAssembly(Layers.Application)
            .Should().NotDependOnAny(Types(true).That()
                .ResideInNamespaceOrBelow("Microsoft.AspNetCore")
                .Or().ResideInNamespaceOrBelow("Npgsql")
                .Or().ResideInAssemblyMatching("Microsoft.EntityFrameworkCore.Relational*")
                .Or().ResideInAssembly(Layers.Infrastructure)
                .Or().ResideInAssembly(Layers.WebApi))
            .Because("use cases reach storage through IAuthDbContext (EF Core abstractions only) and are tied to neither HTTP nor PostgreSQL")
            .Check(Layers.Architecture);

    [Fact]
    public void Controllers_use_no_EF_Core_type() =>
        Types().That().ResideInNamespaceOrBelow("AuthPlatform.WebApi.Controllers")
            .Should().NotDependOnAny(Types(true).That()
                .ResideInNamespaceOrBelow("Microsoft.EntityFrameworkCore")
                .Or().ResideInNamespaceOrBelow("Npgsql"))
            .Because("a controller sends one message and maps its result; data access belongs to the handlers")
            .Check(Layers.Architecture);
}

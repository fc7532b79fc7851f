using System.Reflection;
using System.Xml.Linq;
using Mono.Cecil;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// build/test.sh runs the tests by tier (ADR 0121): `Tier=fast` first, then `Tier=full`. A test with no
/// Tier trait would run in neither, one with two would run twice, so every test of every test project must
/// have exactly one, from its assembly, its class or itself. The compiled test assemblies are read with
/// Mono.Cecil, not loaded, so their dependencies need not resolve here.
/// </summary>
public sealed class TestTierTests
{
    private const string TraitName = "Tier";
    private static readonly string[] Tiers = ["fast", "full"];

    [Fact]
    public void Every_test_is_in_exactly_one_tier()
    {
        var problems = new List<string>();
        var tests = 0;
        foreach (var path in TestAssemblyPaths())
        {
            using var module = ModuleDefinition.ReadModule(path);
            var assemblyTiers = TierValues(module.Assembly.CustomAttributes);
            foreach (var type in module.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
            {
                var classTiers = TierValues(type.CustomAttributes);
                foreach (var method in type.Methods.Where(IsTest))
                {
                    tests++;
                    var tiers = assemblyTiers.Concat(classTiers).Concat(TierValues(method.CustomAttributes)).ToList();
                    if (tiers.Count != 1 || !Tiers.Contains(tiers[0], StringComparer.Ordinal))
                    {
                        problems.Add($"{module.Assembly.Name.Name}: {type.FullName} ({method.Name}) has tier(s) [{string.Join(", ", tiers)}]");
                    }
                }
            }
        }

        Assert.True(tests > 100, $"only {tests} tests were found: are the test assemblies built?");
        Assert.True(problems.Count == 0,
            "Each test needs exactly one [Trait(\"Tier\", \"fast\")] (in process) or [Trait(\"Tier\", \"full\")] (real processes), "
            + "from its project's TestTier.cs or, in a project of both tiers, on its class:\n"
            + string.Join('\n', problems.Distinct()));
    }

    [Fact]
    public void Both_tiers_have_tests()
    {
        var seen = TestAssemblyPaths()
            .SelectMany(path =>
            {
                using var module = ModuleDefinition.ReadModule(path);
                return TierValues(module.Assembly.CustomAttributes)
                    .Concat(module.GetTypes().SelectMany(t => TierValues(t.CustomAttributes)))
                    .ToList();
            })
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Tiers, Tiers.Where(seen.Contains));
    }

    private static bool IsTest(MethodDefinition method) =>
        method.CustomAttributes.Any(a => a.AttributeType.FullName is "Xunit.FactAttribute" or "Xunit.TheoryAttribute");

    private static List<string> TierValues(IEnumerable<CustomAttribute> attributes) =>
        attributes
            .Where(a => a.AttributeType.FullName == "Xunit.TraitAttribute"
                && a.ConstructorArguments.Count == 2
                && Equals(a.ConstructorArguments[0].Value, TraitName))
            .Select(a => a.ConstructorArguments[1].Value as string ?? string.Empty)
            .ToList();

    /// <summary>The compiled assembly of every project under tests/ that is a test project, built as this one is.</summary>
    private static List<string> TestAssemblyPaths()
    {
        var root = RepositoryRoot();
        var configuration = typeof(TestTierTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var paths = new List<string>();
        foreach (var project in Directory.GetFiles(Path.Combine(root, "tests"), "*.csproj", SearchOption.AllDirectories))
        {
            var isTestProject = XDocument.Load(project).Descendants("IsTestProject").Any(e => e.Value.Trim() == "true");
            if (!isTestProject)
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(project);
            var path = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, framework, name + ".dll");
            Assert.True(File.Exists(path), $"{path} is missing: build the solution first.");
            paths.Add(path);
        }

        Assert.NotEmpty(paths);
        return paths;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AuthPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

using System.Reflection;
using System.Text.RegularExpressions;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// The matrix of sensitive actions in docs/security.md is the routes' declarations (<c>[AuthRoute(Needs = ...)]</c>),
/// row for row: a route that starts or stops needing a password or a fresh session without the matrix saying so fails here.
/// </summary>
public sealed partial class SensitiveActionMatrixTests
{
    [Fact]
    public void Every_sensitive_route_is_in_the_matrix_with_what_it_declares()
    {
        var declared = DeclaredNeeds();
        var documented = DocumentedNeeds();

        Assert.NotEmpty(declared);
        Assert.Equal(
            documented.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"),
            declared.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
    }

    [Fact]
    public void No_sensitive_route_accepts_an_api_key()
    {
        var routes = Layers.WebApi.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t)).SelectMany(t => t.GetMethods())
            .Select(a => (Action: a, Route: a.GetCustomAttribute<AuthRouteAttribute>()))
            .Where(r => r.Route is not null)
            .ToList();

        Assert.Contains(routes, r => r.Route!.AcceptsApiKey); // the rule below is about something real
        Assert.DoesNotContain(routes, r => r.Route!.AcceptsApiKey && r.Route.Needs != SensitiveProof.None);
    }

    private static Dictionary<string, SensitiveProof> DeclaredNeeds()
    {
        var routes = new Dictionary<string, SensitiveProof>(StringComparer.Ordinal);
        foreach (var action in Layers.WebApi.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t)).SelectMany(t => t.GetMethods()))
        {
            var needs = action.GetCustomAttribute<AuthRouteAttribute>()?.Needs ?? SensitiveProof.None;
            if (needs == SensitiveProof.None)
            {
                continue;
            }

            foreach (var http in action.GetCustomAttributes<HttpMethodAttribute>())
            {
                routes[$"{http.HttpMethods.Single()} /{http.Template}"] = needs;
            }
        }

        return routes;
    }

    /// <summary>Rows of the "Sensitive actions" table whose needs are exactly a password and/or a fresh session.</summary>
    private static Dictionary<string, SensitiveProof> DocumentedNeeds()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md"));
        var table = text[text.IndexOf("**Sensitive actions, one matrix.**", StringComparison.Ordinal)..];
        var routes = new Dictionary<string, SensitiveProof>(StringComparer.Ordinal);
        foreach (var line in table.Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var needs = cells[3] switch
            {
                "password" => SensitiveProof.Password,
                "fresh session" => SensitiveProof.FreshSession,
                "password and fresh session" => SensitiveProof.Password | SensitiveProof.FreshSession,
                _ => SensitiveProof.None, // decided inside a use case, or not a route at all
            };
            if (needs == SensitiveProof.None)
            {
                continue;
            }

            foreach (Match route in Route().Matches(cells[2]))
            {
                routes[route.Groups[1].Value] = needs;
            }
        }

        return routes;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AuthPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AuthPlatform.sln not found above the test binaries.");
    }

    [GeneratedRegex("`((?:GET|POST) /[^`]+)`")]
    private static partial Regex Route();
}

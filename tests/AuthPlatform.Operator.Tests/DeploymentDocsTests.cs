using System.Globalization;
using System.Reflection;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// docs/deployment.md cannot drift: its environment variable table must equal EnvironmentVariables.All, and
/// its settings table must list every settable property of every options class (a class with a
/// SectionName constant) with its real default. A failure prints the rows to paste.
/// </summary>
public sealed class DeploymentDocsTests
{
    private static readonly Assembly[] ProductAssemblies =
        [typeof(AuthOptions).Assembly, typeof(DatabaseOptions).Assembly, typeof(CookieSettings).Assembly];

    [Fact]
    public void The_environment_variable_table_lists_exactly_the_variables_the_service_reads()
    {
        var documented = Table("environment-variables").ToDictionary(row => row[0], row => row[1]);
        var actual = EnvironmentVariables.All.ToDictionary(v => v.Name, v => v.ConfigurationKey);

        var missing = actual.Where(v => !documented.ContainsKey(v.Key)).Select(v => $"| `{v.Key}` | `{v.Value}` | {EnvironmentVariables.All.First(a => a.Name == v.Key).Description} |").ToList();
        var stale = documented.Keys.Where(name => !actual.ContainsKey(name)).ToList();
        var wrongKey = actual.Where(v => documented.TryGetValue(v.Key, out var key) && key != v.Value).Select(v => $"{v.Key} maps to {v.Value}").ToList();

        Assert.True(missing.Count == 0, "docs/deployment.md lacks these rows:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "docs/deployment.md documents variables the service does not read: " + string.Join(", ", stale));
        Assert.True(wrongKey.Count == 0, "docs/deployment.md names the wrong key: " + string.Join("; ", wrongKey));
    }

    [Fact]
    public void The_settings_table_lists_every_option_with_its_default()
    {
        var documented = Table("settings").ToDictionary(row => row[0], row => row[1]);
        var actual = OptionDefaults();
        Assert.True(actual.Count >= 25, $"only {actual.Count} options were found: the discovery is broken");

        var missing = actual.Where(o => !documented.ContainsKey(o.Key)).Select(o => $"| `{o.Key}` | {Cell(o.Value)} | ... |").ToList();
        var stale = documented.Keys.Where(key => !actual.ContainsKey(key)).ToList();
        var wrongDefault = actual.Where(o => documented.TryGetValue(o.Key, out var value) && value != o.Value)
            .Select(o => $"{o.Key}: documented {documented[o.Key]}, actually {o.Value}").ToList();

        Assert.True(missing.Count == 0, "docs/deployment.md lacks these rows:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "docs/deployment.md documents settings that do not exist: " + string.Join(", ", stale));
        Assert.True(wrongDefault.Count == 0, "docs/deployment.md has wrong defaults:\n" + string.Join('\n', wrongDefault));
    }

    /// <summary>configuration key → default as the docs write it, for every settable property of every options class.</summary>
    private static Dictionary<string, string> OptionDefaults()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in ProductAssemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field
                || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            AddDefaults(result, (string)field.GetRawConstantValue()!, Activator.CreateInstance(type)!);
        }

        return result;
    }

    /// <summary>One row per settable property; a nested settings object (Auth:Jwt:Keys) contributes its own properties.</summary>
    private static void AddDefaults(Dictionary<string, string> result, string section, object instance)
    {
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var value = property.GetValue(instance);
            if (value is not null && ProductAssemblies.Contains(property.PropertyType.Assembly) && property.PropertyType.IsClass)
            {
                AddDefaults(result, $"{section}:{property.Name}", value);
            }
            else
            {
                result[$"{section}:{property.Name}"] = Format(value);
            }
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        bool b => b ? "true" : "false",
        string[] list => string.Join(",", list),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "(none)",
    };

    private static string Cell(string value) => value == "(none)" ? value : $"`{value}`";

    /// <summary>The first two cells of each row of the table between &lt;!-- name:start --&gt; and &lt;!-- name:end --&gt;, backticks removed.</summary>
    private static List<string[]> Table(string name)
    {
        var text = File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "docs", "deployment.md"));
        var start = text.IndexOf($"<!-- {name}:start -->", StringComparison.Ordinal);
        var end = text.IndexOf($"<!-- {name}:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/deployment.md has no {name} table markers");
        return text[start..end].Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries)[1..3].Select(cell => cell.Trim('`')).ToArray())
            .ToList();
    }
}

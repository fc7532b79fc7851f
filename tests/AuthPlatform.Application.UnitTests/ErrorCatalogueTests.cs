using System.Reflection;
using System.Text.RegularExpressions;
using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.Application.UnitTests;

/// <summary>
/// The error catalogue (ADR 0123): each code is defined once, so it has one kind (one HTTP status) and one
/// default message, and every other name Application gives an error is that entry. Reflection only, so the
/// rules read the compiled catalogue whatever its members are called.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    /// <summary>Every public static Error field of the catalogue and its nested classes, by name.</summary>
    internal static readonly IReadOnlyList<(string Name, Error Entry)> Definitions = typeof(Errors)
        .GetNestedTypes(BindingFlags.Public).Prepend(typeof(Errors))
        .SelectMany(type => ErrorFields(type).Select(f => ($"{type.Name}.{f.Name}", f.Error)))
        .ToList();

    [Fact]
    public void The_catalogue_holds_every_code() =>
        // Also guards the rules below against passing on an empty list.
        Assert.True(Definitions.Count > 50, $"only {Definitions.Count} entries in the catalogue");

    [Fact]
    public void Every_code_is_defined_exactly_once()
    {
        var twice = Definitions.GroupBy(d => d.Entry.Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Name))}")
            .ToList();

        Assert.True(twice.Count == 0, "codes defined more than once:\n" + string.Join("\n", twice));
    }

    [Fact]
    public void Every_error_Application_names_is_a_catalogue_entry_with_its_kind()
    {
        var catalogue = Definitions.ToDictionary(d => d.Entry.Code, d => d.Entry, StringComparer.Ordinal);
        var others = typeof(Errors).Assembly.GetTypes()
            .Where(type => type != typeof(Errors) && type.DeclaringType != typeof(Errors) && !type.IsGenericTypeDefinition)
            .SelectMany(type => ErrorFields(type).Select(f => (Name: $"{type.Name}.{f.Name}", f.Error)))
            .ToList();

        var wrong = others
            .Where(o => !catalogue.TryGetValue(o.Error.Code, out var entry) || entry.Kind != o.Error.Kind)
            .Select(o => $"{o.Name}: {o.Error.Code} as {o.Error.Kind}, catalogue: {(catalogue.TryGetValue(o.Error.Code, out var e) ? e.Kind.ToString() : "none")}")
            .ToList();

        Assert.True(others.Count > 20, "the per-feature names (MailErrors, SocialErrors...) were not found");
        Assert.True(wrong.Count == 0, "errors outside the catalogue or with another kind:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Codes_are_snake_case_and_messages_are_set()
    {
        var malformed = Definitions
            .Where(d => !(UpperSnake().IsMatch(d.Entry.Code) || (IsRedirectCode(d.Name) && LowerSnake().IsMatch(d.Entry.Code)))
                || string.IsNullOrWhiteSpace(d.Entry.Message))
            .Select(d => d.Name)
            .ToList();

        Assert.Empty(malformed);
    }

    /// <summary>The redirect flows' codes (identity provider callback, magic link) are BetterAuth's lower-case ones.</summary>
    private static bool IsRedirectCode(string name) =>
        name.StartsWith("ProviderCallback.", StringComparison.Ordinal) || name.StartsWith("MagicLinkRedirect.", StringComparison.Ordinal);

    private static IEnumerable<(string Name, Error Error)> ErrorFields(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(f => f.FieldType == typeof(Error))
            .Select(f => (f.Name, (Error)f.GetValue(null)!));

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex LowerSnake();
}

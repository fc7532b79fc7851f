using System.Reflection;
using System.Text.RegularExpressions;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Operators.ImportBetterAuth;
using AuthPlatform.WebApi.Configuration;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// Every error code is declared once, in the catalogue (<see cref="Errors"/>, ADR 0123). Read from the
/// compiled IL of the four production assemblies: a code written as a string literal outside the catalogue
/// (passed to <c>new Error(</c>, to <c>WithErrorCode(</c>, compared with <c>.Code ==</c> or
/// <c>is "..."</c>, put in a redirect) or an <see cref="Error"/> constructed outside it is a second copy of
/// a decision the catalogue makes.
/// </summary>
public sealed partial class ErrorCodeTests
{
    private const string CatalogueName = "AuthPlatform.Application.Common.Results.Errors";

    /// <summary>The catalogue's codes: its public static Error fields and those of its nested classes.</summary>
    private static readonly HashSet<string> CatalogueCodes = typeof(Errors)
        .GetNestedTypes(BindingFlags.Public).Prepend(typeof(Errors))
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(field => field.FieldType == typeof(Error))
        .Select(field => ((Error)field.GetValue(null)!).Code)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// UPPER_SNAKE strings that are not codes: the names of the environment variables the service reads, and
    /// Microsoft.IdentityModel's claim value type of a JSON array (JsonClaimValueTypes.JsonArray, a constant the
    /// compiler copies in where a claim is made one: the organization roles in OAuth tokens).
    /// </summary>
    private static readonly HashSet<string> VariableNames = EnvironmentVariables.All.Select(v => v.Name)
        .Append(ImportBetterAuthErrors.PasswordVariable)
        .Append("JSON_ARRAY")
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Our types and the compiler's types nested in them; generators' own helpers (the regex generator's) are not ours.</summary>
    private static readonly IReadOnlyList<TypeDefinition> Types =
        new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.WebApi }
            .SelectMany(assembly => ModuleDefinition.ReadModule(assembly.Location).GetTypes())
            .Where(type => Outermost(type).Namespace.StartsWith("AuthPlatform", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void The_literals_are_read() =>
        // Guards the rules below against passing vacuously when the IL reading breaks.
        Assert.Contains(Literals(), l => l.Value == "Auth:Secret");

    [Fact]
    public void No_error_code_is_written_outside_the_catalogue()
    {
        var offences = Literals()
            .Where(l => !InCatalogue(l.Type) && IsErrorCode(l.Value))
            .Select(l => $"{l.Type.FullName}::{l.Member}: \"{l.Value}\"")
            .Distinct()
            .ToList();

        Assert.True(offences.Count == 0,
            "error codes written outside the catalogue (declare them once in Errors and use the entry):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Only_the_catalogue_constructs_errors()
    {
        var errorType = typeof(Error).FullName;
        var offences = Types
            .Where(type => !InCatalogue(type) && type.FullName != errorType)
            .SelectMany(type => type.Methods.Where(m => m.HasBody).Select(m => (Type: type, Method: m)))
            .Where(m => m.Method.Body.Instructions.Any(i =>
                i.OpCode == OpCodes.Newobj && i.Operand is MethodReference { Name: ".ctor" } ctor && ctor.DeclaringType.FullName == errorType))
            .Select(m => $"{m.Type.FullName}::{m.Method.Name}")
            .ToList();

        Assert.True(offences.Count == 0,
            "errors constructed outside the catalogue (add an entry to Errors, or build a variant from one):\n" + string.Join("\n", offences));
    }

    private static bool IsErrorCode(string value) =>
        CatalogueCodes.Contains(value) || (UpperSnake().IsMatch(value) && !VariableNames.Contains(value));

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    /// <summary>The catalogue and the classes nested in it (compiler-generated ones included).</summary>
    private static bool InCatalogue(TypeDefinition type)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (current.FullName == CatalogueName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every string in the IL: method bodies (ldstr, where constants land too), constant fields, parameter defaults.</summary>
    private static IEnumerable<(TypeDefinition Type, string Member, string Value)> Literals()
    {
        foreach (var type in Types)
        {
            foreach (var field in type.Fields.Where(f => f.HasConstant && f.Constant is string))
            {
                yield return (type, field.Name, (string)field.Constant);
            }

            foreach (var method in type.Methods)
            {
                foreach (var parameter in method.Parameters.Where(p => p.HasConstant && p.Constant is string))
                {
                    yield return (type, method.Name, (string)parameter.Constant);
                }

                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var instruction in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Ldstr))
                {
                    yield return (type, method.Name, (string)instruction.Operand);
                }
            }
        }
    }

    /// <summary>An UPPER_SNAKE word pair or longer (INVALID_TOKEN); single words (GET, ES256) are not taken for codes.</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex UpperSnake();
}

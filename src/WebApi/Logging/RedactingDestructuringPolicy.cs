using System.Reflection;
using Serilog.Core;
using Serilog.Events;

namespace AuthPlatform.WebApi.Logging;

/// <summary>
/// Safety net: if an object is ever logged with {@Object}, members whose names suggest a secret
/// (password, token, secret, cookie, authorization, key) are written as "***".
/// </summary>
public sealed class RedactingDestructuringPolicy : IDestructuringPolicy
{
    private static readonly string[] SecretWords = ["password", "token", "secret", "cookie", "authorization", "privatekey", "hash"];

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, out LogEventPropertyValue result)
    {
        result = null!;
        var type = value.GetType();
        if (type.IsPrimitive || value is string || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return false;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);
        if (!properties.Any(p => IsSecret(p.Name)))
        {
            return false;
        }

        result = new StructureValue(properties.Select(p => new LogEventProperty(
            p.Name,
            IsSecret(p.Name) ? new ScalarValue("***") : propertyValueFactory.CreatePropertyValue(SafeGet(p, value), destructureObjects: true))));
        return true;
    }

    private static bool IsSecret(string name) =>
        SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static object? SafeGet(PropertyInfo property, object target)
    {
        try
        {
            return property.GetValue(target);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}

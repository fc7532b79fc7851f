namespace AuthPlatform.WebApi.Controllers;

/// <summary>Marks a controller whose routes live under the configured base path (default /api/auth).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AuthApiAttribute : Attribute;

namespace AuthPlatform.Infrastructure.BetterAuth;

/// <summary>The source of an import is not a BetterAuth database this service can read. The message says why; it never holds a password.</summary>
public sealed class BetterAuthSourceException(string message, Exception? inner = null) : Exception(message, inner);

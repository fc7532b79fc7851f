using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// A session is fresh for <see cref="SessionOptions.FreshAge"/> after it was created (not after it was
/// refreshed: sliding keeps a stolen cookie alive, it must not keep it fresh). Zero turns the rule off.
/// </summary>
public static class SessionFreshness
{
    public static bool IsFresh(DateTimeOffset sessionCreatedAt, DateTimeOffset now, SessionOptions options) =>
        options.FreshAge == TimeSpan.Zero || now - sessionCreatedAt < options.FreshAge;
}

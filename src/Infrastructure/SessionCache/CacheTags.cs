namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// The tags a cached entry is filed under, one per row it was read from. They are the change notifications' own
/// prefixes (the triggers in migrations SessionChangeNotifications, OrganizationChangeNotifications and
/// ApiKeyChangeNotifications), so a notification names exactly the tag whose entries it ends.
/// </summary>
internal static class CacheTags
{
    public static string Session(string sessionId) => "s:" + sessionId;

    public static string User(string userId) => "u:" + userId;

    public static string Organization(string organizationId) => "o:" + organizationId;

    public static string ApiKey(string keyId) => "k:" + keyId;

    /// <summary>
    /// The tag a notification ends: "s:&lt;session id&gt;:&lt;user id&gt;", "u:&lt;user id&gt;",
    /// "o:&lt;organization id&gt;" or "k:&lt;api key id&gt;" (ids only, never a token, a key or a digest).
    /// Null for a payload this version cannot read: the only safe reading of that is "anything may have changed".
    /// </summary>
    public static string? FromNotification(string payload) => payload.Split(':') switch
    {
        ["s", var sessionId, _] => Session(sessionId),
        ["u", var userId] => User(userId),
        ["o", var organizationId] => Organization(organizationId),
        ["k", var keyId] => ApiKey(keyId),
        _ => null,
    };
}

namespace AuthPlatform.Application.SignInPipeline;

/// <summary>What a way of signing in must show about the address before a session starts.</summary>
public enum AddressRule
{
    /// <summary>A verified address when Auth:Email:RequireEmailVerification is on (BetterAuth's requireEmailVerification).</summary>
    VerifiedWhenRequired,

    /// <summary>The method itself proved the address (an email link).</summary>
    ProvenByMethod,

    /// <summary>Not asked: the user is already signed in (rotation).</summary>
    NotAsked,
}

/// <summary>Whether a way of signing in is one factor, so a user with a second factor must present it too.</summary>
public enum SecondFactorRule
{
    /// <summary>A user with a verified second factor gets a challenge instead of a session (a trusted device skips it).</summary>
    RequiredWhenEnrolled,

    /// <summary>The method is two factors in one (a passkey: possession, and user verification by PIN or biometrics).</summary>
    SatisfiedByMethod,

    /// <summary>Not asked: the user is already signed in with whatever the old session proved (rotation).</summary>
    NotAsked,
}

/// <summary>One row of the sign-in policy.</summary>
/// <param name="AuthenticationMethods">RFC 8176 values recorded on the session (before any second factor).</param>
public sealed record SignInRule(SignInMethod Method, AddressRule Address, SecondFactorRule SecondFactor, string AuthenticationMethods);

/// <summary>
/// The sign-in policy: one row per way of signing in, and the only place that says what each must prove
/// (ADR 0108 weighs every row). <see cref="SessionIssuer"/> applies it; no handler decides it on its own.
/// </summary>
public static class SignInPolicy
{
    /// <summary>The amr value a completed second factor (TOTP or backup code) adds, and the marker of two factors.</summary>
    public const string SecondFactorMethods = "otp mfa";

    /// <summary>RFC 8176's amr value for more than one factor: a completed second factor, or a passkey (two in one).</summary>
    public const string MultiFactorMethod = "mfa";

    /// <summary>
    /// The acr (OpenID Connect) of a session that proved two factors. Ours: no registry names a plain "two factors"
    /// level; a client asks for it by this value.
    /// </summary>
    public const string MultiFactorContext = "urn:authplatform:acr:mfa";

    /// <summary>The acr of a session with one factor: OpenID Connect's "0", which claims no assurance level.</summary>
    public const string SingleFactorContext = "0";

    /// <summary>The acr a session's amr values earn (docs/oauth.md): two factors or one.</summary>
    public static string AuthenticationContextOf(IEnumerable<string> methods) =>
        methods.Contains(MultiFactorMethod, StringComparer.Ordinal) ? MultiFactorContext : SingleFactorContext;

    private static readonly SignInRule[] Rows =
    [
        new(SignInMethod.Password, AddressRule.VerifiedWhenRequired, SecondFactorRule.RequiredWhenEnrolled, "pwd"),
        new(SignInMethod.Username, AddressRule.VerifiedWhenRequired, SecondFactorRule.RequiredWhenEnrolled, "pwd"),
        new(SignInMethod.SignUp, AddressRule.VerifiedWhenRequired, SecondFactorRule.RequiredWhenEnrolled, "pwd"),
        // "fed": federated, the value Entra ID records; RFC 8176 registers none for it.
        new(SignInMethod.Social, AddressRule.VerifiedWhenRequired, SecondFactorRule.RequiredWhenEnrolled, "fed"),
        new(SignInMethod.Passkey, AddressRule.VerifiedWhenRequired, SecondFactorRule.SatisfiedByMethod, "hwk user mfa"),
        new(SignInMethod.EmailLink, AddressRule.ProvenByMethod, SecondFactorRule.RequiredWhenEnrolled, "email"),
        // A mailed link or code proves the mailbox, as the verification link does: the same row (ADR 0125).
        new(SignInMethod.MagicLink, AddressRule.ProvenByMethod, SecondFactorRule.RequiredWhenEnrolled, "email"),
        new(SignInMethod.EmailCode, AddressRule.ProvenByMethod, SecondFactorRule.RequiredWhenEnrolled, "email"),
        new(SignInMethod.SessionRotation, AddressRule.NotAsked, SecondFactorRule.NotAsked, string.Empty),
        // A key was created from a session that passed this policy, and the owner can delete it at any time;
        // a disabled owner is refused at every request. Neither address nor second factor is asked again.
        new(SignInMethod.ApiKey, AddressRule.NotAsked, SecondFactorRule.NotAsked, string.Empty),
        // The administrator's live session (and the impersonate statement) is the proof; the user proves nothing.
        // The session is short, never refreshed, and names the administrator (ADR 0132); a banned user is refused.
        new(SignInMethod.Impersonation, AddressRule.NotAsked, SecondFactorRule.NotAsked, string.Empty),

        // Signing in to an OAuth client rides on a live session, which passed its own row (second factor included);
        // the address rule is asked again, as the client may trust the email it is given.
        new(SignInMethod.OAuthAuthorization, AddressRule.VerifiedWhenRequired, SecondFactorRule.NotAsked, string.Empty),
    ];

    public static IReadOnlyList<SignInRule> All => Rows;

    public static SignInRule For(SignInMethod method) =>
        Array.Find(Rows, r => r.Method == method) ?? throw new InvalidOperationException($"The sign-in policy has no row for {method}.");

    /// <summary>The name stored on a pending challenge.</summary>
    public static string NameOf(SignInMethod method) => method.ToString().ToLowerInvariant();

    public static SignInMethod Parse(string name) =>
        Enum.TryParse<SignInMethod>(name, ignoreCase: true, out var method) ? method : SignInMethod.Password;
}

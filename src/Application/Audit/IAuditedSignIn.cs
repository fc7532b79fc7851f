namespace AuthPlatform.Application.Audit;

/// <summary>
/// A command that proves a factor of a sign-in (a password, a code, a link, a passkey). Its refusals are written to
/// the audit trail as <c>sign-in.failed</c> with the refusal's code, by <see cref="Common.Behaviours.SignInFailureAuditBehaviour{TMessage, TResponse}"/>;
/// its successes are written where every session starts, the sign-in pipeline's <c>SessionIssuer</c>.
/// </summary>
public interface IAuditedSignIn
{
    /// <summary>The address the attempt claims, if it names one: a refusal is then part of that account's activity.</summary>
    string? ClaimedEmail => null;
}

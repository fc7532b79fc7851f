namespace AuthPlatform.Domain.Mail;

/// <summary>
/// One mail the service owes someone: a row of the transactional outbox, written in the request's
/// transaction and delivered later by the outbox sender. It holds what to send and to whom, never a
/// token: the link's token is minted when the mail is sent, and only its digest is stored.
/// </summary>
public sealed class MailJob
{
    public const int MaxCallbackLength = 2048;
    public const int MaxErrorLength = 500;

    private MailJob()
    {
        Recipient = string.Empty;
    }

    public long Id { get; private set; }

    public MailKind Kind { get; private set; }

    /// <summary>The address the mail goes to (canonical form); also the key of the per-recipient limit.</summary>
    public string Recipient { get; private set; }

    /// <summary>The user it concerns, when the request knew it (signed in); otherwise resolved at send time from <see cref="Recipient"/>.</summary>
    public string? UserId { get; private set; }

    /// <summary>The other address of a change of email (the new one, in the notice to the old one).</summary>
    public string? OtherEmail { get; private set; }

    /// <summary>Where the link leads after it is followed (already checked against the trusted origins).</summary>
    public string? CallbackUrl { get; private set; }

    /// <summary>A magic link's further redirects (already checked against the trusted origins): after a sign-up, and on failure.</summary>
    public string? NewUserCallbackUrl { get; private set; }

    /// <inheritdoc cref="NewUserCallbackUrl"/>
    public string? ErrorCallbackUrl { get; private set; }

    /// <summary>The name a magic link's sign-up gives a new user.</summary>
    public string? SignUpName { get; private set; }

    /// <summary>The organization invitation the mail announces (looked up when the mail is sent: a canceled one is not sent).</summary>
    public string? InvitationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Set when the job is done: sent, or dropped because there was nothing to send.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public MailJobOutcome? Outcome { get; private set; }

    public string? LastError { get; private set; }

    public static MailJob Create(MailKind kind, string recipient, string? userId, string? otherEmail, string? callbackUrl, DateTimeOffset now) => new()
    {
        Kind = kind,
        Recipient = recipient,
        UserId = userId,
        OtherEmail = otherEmail,
        CallbackUrl = callbackUrl,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The mail of an organization invitation to <paramref name="recipient"/>, its link on <paramref name="callbackUrl"/> when given.</summary>
    public static MailJob Invitation(string recipient, string invitationId, string? callbackUrl, DateTimeOffset now)
    {
        var job = Create(MailKind.OrganizationInvitation, recipient, userId: null, otherEmail: null, callbackUrl, now);
        job.InvitationId = invitationId;
        return job;
    }

    /// <summary>A magic link to <paramref name="recipient"/>, who may have no account yet.</summary>
    public static MailJob MagicLink(string recipient, string? signUpName, string? callbackUrl, string? newUserCallbackUrl, string? errorCallbackUrl, DateTimeOffset now)
    {
        var job = Create(MailKind.MagicLink, recipient, userId: null, otherEmail: null, callbackUrl, now);
        job.SignUpName = signUpName;
        job.NewUserCallbackUrl = newUserCallbackUrl;
        job.ErrorCallbackUrl = errorCallbackUrl;
        return job;
    }

    public void Complete(MailJobOutcome outcome, DateTimeOffset now)
    {
        Outcome = outcome;
        CompletedAt = now;
        LastError = null;
    }

    /// <summary>
    /// Held by one sender while it delivers, outside any transaction: no other sender picks the job before
    /// <paramref name="until"/>. A sender that dies meanwhile leaves the job to be tried again after it.
    /// </summary>
    public void Lease(DateTimeOffset until) => NextAttemptAt = until;

    /// <summary>Schedules another attempt after an exponential backoff (first retry after <paramref name="firstDelay"/>, doubling up to <paramref name="maxDelay"/>).</summary>
    public void Fail(string error, TimeSpan firstDelay, TimeSpan maxDelay, DateTimeOffset now)
    {
        Attempts++;
        var factor = Math.Pow(2, Math.Min(Attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(firstDelay.Ticks * factor, maxDelay.Ticks));
        NextAttemptAt = now + delay;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }
}

/// <summary>How a mail job ended.</summary>
public enum MailJobOutcome
{
    Sent,

    /// <summary>Nothing to send: unknown address, already verified, address taken. Looks like Sent from outside.</summary>
    Dropped,
}

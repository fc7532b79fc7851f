namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// Names the session-management, account-change and abuse-protection entries of the catalogue,
/// <see cref="Errors"/>, under which existing code knows them.
/// </summary>
public static class SecurityErrors
{
    public static readonly Error InvalidPassword = Errors.InvalidPassword;
    public static readonly Error CredentialAccountNotFound = Errors.CredentialAccountNotFound;
    public static readonly Error SessionNotFresh = Errors.SessionNotFresh;
    public static readonly Error EmailCannotBeUpdated = Errors.EmailCannotBeUpdated;
    public static readonly Error NoFieldsToUpdate = Errors.NoFieldsToUpdate;

    /// <inheritdoc cref="Errors.TooManyFailedSignIns"/>
    public static Error TooManyFailedSignIns(TimeSpan retryAfter) => Errors.TooManyFailedSignIns(retryAfter);
}

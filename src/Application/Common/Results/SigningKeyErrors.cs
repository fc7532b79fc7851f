namespace AuthPlatform.Application.Common.Results;

/// <summary>Names the key-management entries of the catalogue, <see cref="Errors"/>, under which existing code knows them.</summary>
public static class SigningKeyErrors
{
    public static readonly Error Unavailable = Errors.SigningKeyUnavailable;
    public static readonly Error NotFound = Errors.SigningKeyNotFound;
}

namespace AuthPlatform.Application.Common.Exceptions;

/// <summary>
/// Every password-hashing worker is busy and the wait queue is full. Not a bug and not the client's fault:
/// the service sheds load (503 with Retry-After) instead of letting sign-ins queue without bound and
/// starve session checks, which never hash.
/// </summary>
public sealed class PasswordHashingBusyException : Exception
{
    public PasswordHashingBusyException()
        : base("All password-hashing workers are busy and the queue is full.")
    {
    }

    public PasswordHashingBusyException(string message)
        : base(message)
    {
    }

    public PasswordHashingBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

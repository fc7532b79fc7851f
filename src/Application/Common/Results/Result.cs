namespace AuthPlatform.Application.Common.Results;

/// <summary>Non-generic view of a <see cref="Result{T}"/>, for pipeline behaviours.</summary>
public interface IOperationResult
{
    bool IsSuccess { get; }

    Error? Error { get; }
}

/// <summary>
/// The outcome of a use case: a value or an expected <see cref="Results.Error"/>. Expected outcomes
/// (bad credentials, no session) travel as results; exceptions are for faults (database down, bugs).
/// </summary>
public sealed class Result<T> : IOperationResult
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        IsSuccess = true;
    }

    private Result(Error error) => Error = error;

    public bool IsSuccess { get; }

    public Error? Error { get; }

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: the operation failed with {Error!.Code}.");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(Error error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}

using System.Reflection;

namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// Lets a generic pipeline behaviour turn an <see cref="Error"/> into the handler's response type when
/// that type is a <see cref="Result{T}"/>. Resolved once per response type, then a plain delegate call.
/// </summary>
internal static class ResultFactory<TResponse>
{
    public static readonly Func<Error, TResponse>? Failure = Create();

    private static Func<Error, TResponse>? Create()
    {
        var type = typeof(TResponse);
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Result<>))
        {
            return null;
        }

        var method = type.GetMethod(nameof(Result<object>.Failure), BindingFlags.Public | BindingFlags.Static)!;
        return method.CreateDelegate<Func<Error, TResponse>>();
    }
}

namespace AuthPlatform.Infrastructure.Persistence.Resilience;

/// <summary>
/// Facts about a failed database call that only the moment of failure knows, written onto the exception
/// by <see cref="FailureMarkingInterceptor"/> and read by <see cref="SafeRetryExecutionStrategy"/>:
/// whether the connection never opened (so nothing was sent) and whether the failed command was a read.
/// </summary>
internal static class FailureMarks
{
    private const string NotSentKey = "AuthPlatform.Database.NotSent";
    private const string ReadKey = "AuthPlatform.Database.Read";

    public static void MarkNotSent(Exception exception) => exception.Data[NotSentKey] = true;

    public static void MarkRead(Exception exception) => exception.Data[ReadKey] = true;

    public static bool WasNotSent(Exception exception) => Has(exception, NotSentKey);

    public static bool WasRead(Exception exception) => Has(exception, ReadKey);

    private static bool Has(Exception? exception, string key)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception.Data[key] is true)
            {
                return true;
            }
        }

        return false;
    }
}

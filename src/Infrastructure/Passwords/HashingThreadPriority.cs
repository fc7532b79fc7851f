using System.Runtime.InteropServices;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// Lowers the scheduling priority of the calling thread (Linux nice 10), so the kernel prefers the
/// threads that serve session checks and tokens whenever both want a core: hashing then uses what
/// those leave idle instead of a core of its own. .NET's Thread.Priority does nothing on Linux, hence
/// setpriority(2) on the thread id. Elsewhere, or if the call fails, the thread keeps its priority.
/// </summary>
internal static class HashingThreadPriority
{
    public const int Niceness = 10;
    private const int PriorityOfProcess = 0; // PRIO_PROCESS: with a thread id, that one thread

    public static bool TryLowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return SetPriority(PriorityOfProcess, GetThreadId(), Niceness) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: these take and return plain ints, so nothing is marshalled
    // and the project needs no unsafe code.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}

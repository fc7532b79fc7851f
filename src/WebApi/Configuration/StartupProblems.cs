using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Configuration;

/// <summary>
/// Turns option validation failures into one message listing every problem, written to stderr before
/// the process exits non-zero. Operators see all that is wrong at once, not one problem per restart.
/// </summary>
public static class StartupProblems
{
    public const int ConfigurationExitCode = 2;
    public const int DatabaseExitCode = 3;

    public static IReadOnlyList<string> From(Exception exception) => exception switch
    {
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(From).Distinct().ToList(),
        _ => [],
    };

    public static string Format(IReadOnlyList<string> problems) =>
        $"AuthPlatform cannot start: the configuration has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));

}

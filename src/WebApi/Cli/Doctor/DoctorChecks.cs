namespace AuthPlatform.WebApi.Cli.Doctor;

/// <summary>The checks `doctor` runs, in order: settings first, then the database, then what depends on both.</summary>
public static class DoctorChecks
{
    public static IReadOnlyList<IDoctorCheck> All(ResourceServerSettings? resourceServer) =>
    [
        new ConfigurationCheck(),
        new SecretCheck(),
        new DatabaseCheck(),
        new DatabasePoolCheck(),
        new MigrationsCheck(),
        new ClockCheck(),
        new CookieCheck(),
        .. resourceServer is null ? Array.Empty<IDoctorCheck>() : [new ResourceServerCheck(resourceServer)],
    ];
}

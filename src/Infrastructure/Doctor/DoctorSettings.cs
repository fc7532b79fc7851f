using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Persistence;

namespace AuthPlatform.Infrastructure.Doctor;

public static class DoctorSettings
{
    /// <summary>The Database section as configured, unvalidated.</summary>
    public static DatabaseOptions Database(this DoctorContext context) => context.Settings<DatabaseOptions>(DatabaseOptions.SectionName);
}

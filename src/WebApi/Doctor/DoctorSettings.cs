using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.WebApi.Doctor;

public static class DoctorSettings
{
    /// <summary>The cookie settings as configured, unvalidated.</summary>
    public static CookieSettings Cookies(this DoctorContext context) => context.Settings<CookieSettings>(CookieSettings.SectionName);
}

using System.Reflection;
using System.Xml.Linq;

namespace OneStop.ArchitectureTests;

/// <summary>
/// The module rules of docs/architecture.md: a module sees only the shared kernel and other modules'
/// contracts; contracts carry no EF Core or ASP.NET Core types; a module shows only its Module class.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] SharedAssemblies = ["OneStop.SharedKernel", "OneStop.SyntheticData"];

    public static TheoryData<string> ModuleAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var name in typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
                     .Where(n => n.StartsWith("OneStop.", StringComparison.Ordinal) && !IsShared(n) && !n.EndsWith(".Contracts", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> ModuleProjects() => Projects("*.csproj");

    public static TheoryData<string> ContractsProjects() => Projects("*.Contracts.csproj");

    private static TheoryData<string> Projects(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "Modules"), pattern, SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot(), file));
        }

        return data;
    }

    [Fact]
    public void Host_ReferencesAtLeastTheAgenciesModule()
        => Assert.Contains("OneStop.Agencies", ModuleAssemblies().Select(r => r.Data));

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Module_ReferencesOnlySharedKernelAndContracts(string module)
    {
        var forbidden = Assembly.Load(module).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("OneStop.", StringComparison.Ordinal) && !IsShared(n) && !n.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(forbidden);
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Module_ContractsAreFreeOfEfCoreAndAspNetCore(string module)
    {
        var contracts = Assembly.Load(module + ".Contracts");
        var leaks = contracts.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(leaks);
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Module_ExposesOnlyItsModuleClass(string module)
    {
        var moduleClass = module["OneStop.".Length..] + "Module";
        var exported = Assembly.Load(module).GetExportedTypes()
            .Where(t => !t.Namespace!.StartsWith("AspNetCoreGeneratedDocument", StringComparison.Ordinal))
            .Select(t => t.Name)
            .ToList();
        Assert.Equal([moduleClass], exported);
    }

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void ModuleProject_ReferencesOnlySharedKernelAndContractsProjects(string project)
    {
        var references = XDocument.Load(Path.Combine(RepositoryRoot(), project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToList();
        Assert.All(references, r => Assert.True(IsShared(r) || r.EndsWith(".Contracts", StringComparison.Ordinal), $"{project} references {r}"));
    }

    [Theory]
    [MemberData(nameof(ContractsProjects))]
    public void ContractsProject_HasNoPackageReferences(string project)
    {
        var document = XDocument.Load(Path.Combine(RepositoryRoot(), project));
        Assert.Empty(document.Descendants("PackageReference"));
        Assert.Empty(document.Descendants("FrameworkReference"));
    }

    private static bool IsShared(string name) => SharedAssemblies.Contains(name, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneStop.slnx not found above " + AppContext.BaseDirectory);
    }
}

; Inno Setup script for ActExplorer; packaging/build.py passes AppVersion, BundleDir and IconFile.
#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef BundleDir
  #error Pass /DBundleDir=path\to\dist\actexplorer (packaging/build.py does)
#endif

[Setup]
AppId={{5C0F3E52-8B7A-4C55-9D1E-6A3F2B7C4E10}
AppName=ActExplorer
AppVersion={#AppVersion}
AppPublisher=The ActExplorer developers
DefaultDirName={autopf}\ActExplorer
DefaultGroupName=ActExplorer
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=ActExplorer-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\actexplorer.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ActExplorer"; Filename: "{app}\actexplorer.exe"
Name: "{autodesktop}\ActExplorer"; Filename: "{app}\actexplorer.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\actexplorer.exe"; Description: "{cm:LaunchProgram,ActExplorer}"; Flags: nowait postinstall skipifsilent

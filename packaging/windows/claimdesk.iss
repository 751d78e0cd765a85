; Inno Setup 6 script: installs the one-folder build (dist\claimdesk) for Windows x64.
; Build: pyinstaller --noconfirm packaging\claimdesk.spec
;        iscc /DAppVersion=0.1.0 packaging\windows\claimdesk.iss   -> dist\ClaimDesk-0.1.0-setup.exe
; The uninstaller removes the program folder only: databases in %LOCALAPPDATA%\ClaimDesk stay.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{3F6A1C52-8E0B-4C7D-9A51-2B6E4D0C9F17}
AppName=ClaimDesk
AppVersion={#AppVersion}
AppVerName=ClaimDesk {#AppVersion}
AppPublisher=ClaimDesk developers
DefaultDirName={autopf}\ClaimDesk
DefaultGroupName=ClaimDesk
DisableProgramGroupPage=yes
; Per-user install without administrator rights is offered too.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#Root}\LICENSE
SetupIconFile={#Root}\resources\icons\claimdesk.ico
UninstallDisplayIcon={app}\claimdesk.exe
UninstallDisplayName=ClaimDesk
OutputDir={#Root}\dist
OutputBaseFilename=ClaimDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Qt's LGPL libraries stay separate, replaceable files under {app}\_internal\PySide6.
Source: "{#Root}\dist\claimdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ClaimDesk"; Filename: "{app}\claimdesk.exe"
Name: "{group}\{cm:UninstallProgram,ClaimDesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\ClaimDesk"; Filename: "{app}\claimdesk.exe"; Tasks: desktopicon

[Registry]
; "Open with ClaimDesk" for articles; ClaimDesk never takes over an extension's default.
Root: HKA; Subkey: "Software\Classes\ClaimDesk.Article"; ValueType: string; ValueName: ""; ValueData: "Article (ClaimDesk)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ClaimDesk.Article\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\claimdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\ClaimDesk.Article\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\claimdesk.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "ClaimDesk"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\claimdesk.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "ClaimDesk.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "ClaimDesk.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "ClaimDesk.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "ClaimDesk.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "ClaimDesk.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "ClaimDesk.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\claimdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""

[Run]
Filename: "{app}\claimdesk.exe"; Description: "{cm:LaunchProgram,ClaimDesk}"; Flags: nowait postinstall skipifsilent

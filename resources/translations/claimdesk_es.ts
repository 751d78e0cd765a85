<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>ClaimDesk licence</source>
        <extracomment>(tab title, file in resources/licenses), in the order the tabs appear.</extracomment>
        <translation>Licencia de ClaimDesk</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Avisos de terceros</translation>
    </message>
    <message>
        <source>{name} is missing from this installation; reinstall ClaimDesk to restore it.</source>
        <translation>Falta {name} en esta instalación; reinstale ClaimDesk para recuperarlo.</translation>
    </message>
    <message>
        <source>About ClaimDesk</source>
        <translation>Acerca de ClaimDesk</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>ninguna abierta</translation>
    </message>
    <message>
        <source>A workbench for fact-checkers: find the check-worthy claims of an article, rate them and keep the evidence.</source>
        <translation>Una mesa de trabajo para verificadores: encuentre las afirmaciones de un artículo que merecen verificarse, califíquelas y conserve las pruebas.</translation>
    </message>
    <message>
        <source>Copyright © ClaimDesk developers. Free software under the MIT licence. Built with Qt (LGPL-3.0), spaCy and its English pipeline (MIT), and a check-worthiness model trained on the ClaimBuster dataset (Arslan, Hassan, Li, Tremayne, ICWSM 2020).</source>
        <translation>Copyright © desarrolladores de ClaimDesk. Software libre bajo la licencia MIT. Hecho con Qt (LGPL-3.0), spaCy y su modelo de inglés (MIT), y un modelo de relevancia para verificación entrenado con el conjunto de datos ClaimBuster (Arslan, Hassan, Li, Tremayne, ICWSM 2020).</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>Base de datos: {database}</translation>
    </message>
</context>
<context>
    <name>ArticleOpener</name>
    <message>
        <source>Open articles</source>
        <translation>Abrir artículos</translation>
    </message>
    <message>
        <source>Import every article in a folder</source>
        <translation>Importar todos los artículos de una carpeta</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Abriendo {name}…</translation>
    </message>
    <message>
        <source>Article imported.</source>
        <translation>Artículo importado.</translation>
    </message>
    <message>
        <source>Already in the library: showing it.</source>
        <translation>Ya está en la biblioteca: se muestra.</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Article text</source>
        <extracomment>A letter of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N&apos;Ko and their presentation forms.</extracomment>
        <translation>Texto del artículo</translation>
    </message>
    <message>
        <source>Open an article (Ctrl+O) or drop a file here.</source>
        <translation>Abra un artículo (Ctrl+O) o suelte un archivo aquí.</translation>
    </message>
</context>
<context>
    <name>BatchImport</name>
    <message>
        <source>Looking for articles…</source>
        <translation>Buscando artículos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Importing articles</source>
        <translation>Importando artículos</translation>
    </message>
    <message>
        <source>Importing article {number} of {total}…</source>
        <translation>Importando el artículo {number} de {total}…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>Imported: {path}</source>
        <translation>Importado: {path}</translation>
    </message>
    <message>
        <source>Already in the library: {path}</source>
        <translation>Ya en la biblioteca: {path}</translation>
    </message>
    <message>
        <source>Refused: {path}: {why}</source>
        <translation>Rechazado: {path}: {why}</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>ClaimDesk case bundle (*{suffix})</source>
        <translation>Paquete de caso de ClaimDesk (*{suffix})</translation>
    </message>
    <message>
        <source>Export case bundle</source>
        <extracomment>Called when a bundle&apos;s fact-check library changed this desk&apos;s (the window hands in Checked before&apos;s refresh and background encoding).</extracomment>
        <translation>Exportar paquete del caso</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s) to {path}</source>
        <translation>
            <numerusform>%n artículo exportado a {path}</numerusform>
            <numerusform>%n artículos exportados a {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Import case bundle</source>
        <translation>Importar paquete del caso</translation>
    </message>
    <message>
        <source>Import of {name} cancelled; nothing was changed.</source>
        <translation>Importación de {name} cancelada; no se cambió nada.</translation>
    </message>
    <message>
        <source>Case bundle imported</source>
        <translation>Paquete del caso importado</translation>
    </message>
</context>
<context>
    <name>BundleConflictsDialog</name>
    <message>
        <source>Keep local</source>
        <translation>Mantener local</translation>
    </message>
    <message>
        <source>Take bundle</source>
        <translation>Tomar del paquete</translation>
    </message>
    <message>
        <source>Import case bundle: conflicts</source>
        <translation>Importar paquete del caso: conflictos</translation>
    </message>
    <message numerus="yes">
        <source>{bundle} has different work on %n claim(s) that someone worked on here. Local work is kept unless you choose the bundle&apos;s; every change is recorded in the claim&apos;s history.</source>
        <translation>
            <numerusform>{bundle} trae un trabajo distinto sobre %n afirmación en la que alguien trabajó aquí. Se conserva el trabajo local salvo que elija el del paquete; cada cambio queda registrado en el historial de la afirmación.</numerusform>
            <numerusform>{bundle} trae un trabajo distinto sobre %n afirmaciones en las que alguien trabajó aquí. Se conserva el trabajo local salvo que elija el del paquete; cada cambio queda registrado en el historial de la afirmación.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep local</source>
        <translation>&amp;Mantener local</translation>
    </message>
    <message>
        <source>&amp;Take bundle</source>
        <translation>&amp;Tomar del paquete</translation>
    </message>
    <message>
        <source>Keep &amp;all local</source>
        <translation>Mantener t&amp;odo lo local</translation>
    </message>
    <message>
        <source>Take a&amp;ll from bundle</source>
        <translation>Tomar todo &amp;del paquete</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>sin veredicto</translation>
    </message>
    <message>
        <source>[notes: {count}]</source>
        <translation>[notas: {count}]</translation>
    </message>
</context>
<context>
    <name>CheckedBefore</name>
    <message>
        <source>No earlier fact-checks yet: import some with File → Import fact-checks…</source>
        <translation>Aún no hay verificaciones anteriores: importe algunas con Archivo → Importar verificaciones…</translation>
    </message>
    <message>
        <source>No earlier fact-check found.</source>
        <translation>No se ha encontrado ninguna verificación anterior.</translation>
    </message>
    <message>
        <source>Looking for earlier fact-checks…</source>
        <translation>Buscando verificaciones anteriores…</translation>
    </message>
    <message>
        <source>Encoding fact-checks for matching: {done} of {total}…</source>
        <translation>Codificando verificaciones para buscarlas: {done} de {total}…</translation>
    </message>
    <message>
        <source>1 fact-check encoded for matching.</source>
        <translation>1 verificación codificada para buscarla.</translation>
    </message>
    <message>
        <source>{count} fact-checks encoded for matching.</source>
        <translation>{count} verificaciones codificadas para buscarlas.</translation>
    </message>
    <message>
        <source>No earlier fact-check to accept for this claim.</source>
        <translation>No hay ninguna verificación anterior que aceptar para esta afirmación.</translation>
    </message>
    <message>
        <source>Added as a source note; Ctrl+Z undoes it.</source>
        <translation>Añadida como fuente; Ctrl+Z la deshace.</translation>
    </message>
</context>
<context>
    <name>CheckedBeforeBox</name>
    <message>
        <source>Checked &amp;before</source>
        <translation>Verificada a&amp;ntes</translation>
    </message>
    <message>
        <source>Accept as source</source>
        <translation>Aceptar como fuente</translation>
    </message>
    <message>
        <source>Add the selected fact-check to the claim&apos;s sources ({keys}); undo with {undo}</source>
        <translation>Añade la verificación seleccionada a las fuentes de la afirmación ({keys}); se deshace con {undo}</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>{names} editing this claim now</source>
        <translation>{names} editando esta afirmación ahora</translation>
    </message>
    <message>
        <source>Speaker kind: {kind}</source>
        <translation>Tipo de hablante: {kind}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>verificada</translation>
    </message>
    <message>
        <source>Checked before by {publisher}: “{claim}” ({url})</source>
        <translation>Verificada antes por {publisher}: «{claim}» ({url})</translation>
    </message>
    <message>
        <source>this desk</source>
        <translation>esta redacción</translation>
    </message>
    <message>
        <source>the desk&apos;s own verdict</source>
        <translation>el veredicto de la propia redacción</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>Filter claims (Ctrl+F)</source>
        <extracomment>The claim text column is never narrower than this (the table scrolls instead).</extracomment>
        <translation>Filtrar afirmaciones (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>De todos</translation>
    </message>
    <message>
        <source>Hide claims whose check-worthiness score is below this</source>
        <translation>Oculta las afirmaciones cuya puntuación de relevancia para verificar esté por debajo de este valor</translation>
    </message>
    <message>
        <source>Every sentence</source>
        <translation>Todas las oraciones</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Más filtros</translation>
    </message>
    <message>
        <source>Score ≥</source>
        <translation>Punt. ≥</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Cualquier calificación</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Cualquier tipo</translation>
    </message>
    <message>
        <source>Any speaker</source>
        <translation>Cualquier hablante</translation>
    </message>
    <message>
        <source>With or without sources</source>
        <translation>Con o sin fuentes</translation>
    </message>
    <message>
        <source>With sources</source>
        <translation>Con fuentes</translation>
    </message>
    <message>
        <source>Without sources</source>
        <translation>Sin fuentes</translation>
    </message>
    <message>
        <source>Checked before or not</source>
        <translation>Verificada antes o no</translation>
    </message>
    <message>
        <source>Checked before</source>
        <translation>Verificada antes</translation>
    </message>
    <message>
        <source>Not checked before</source>
        <translation>No verificada antes</translation>
    </message>
    <message>
        <source>Score ≤ </source>
        <translation>Punt. ≤ </translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} de {total}</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Claim</source>
        <translation>Afirmación</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Aquí</translation>
    </message>
    <message>
        <source>In the bundle</source>
        <translation>En el paquete</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>Veredictos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>ClaimReview value</source>
        <translation>Valor en ClaimReview</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Hablante</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Checked before</source>
        <translation>Verificada antes</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Afirmaciones</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Verificadas</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Select a claim first.</source>
        <extracomment>Rating keys: Alt+1 … Alt+9 choose the scale&apos;s ratings in order, Alt+0 clears.</extracomment>
        <translation>Seleccione primero una afirmación.</translation>
    </message>
    <message>
        <source>Redone: {action}</source>
        <translation>Rehecho: {action}</translation>
    </message>
    <message>
        <source>Undone: {action}</source>
        <translation>Deshecho: {action}</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Deshacer {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Rehacer {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Select some words of the article first, then add the claim.</source>
        <translation>Seleccione primero algunas palabras del artículo y luego añada la afirmación.</translation>
    </message>
    <message>
        <source>Overlapping claim</source>
        <translation>Afirmación superpuesta</translation>
    </message>
    <message>
        <source>Add the new claim anyway, overlapping?</source>
        <translation>¿Añadir de todos modos la nueva afirmación, superpuesta?</translation>
    </message>
    <message>
        <source>Adjust the claim anyway, overlapping?</source>
        <translation>¿Ajustar de todos modos la afirmación, superpuesta?</translation>
    </message>
    <message>
        <source>Merge the claims anyway, overlapping?</source>
        <translation>¿Fusionar de todos modos las afirmaciones, superpuestas?</translation>
    </message>
    <message>
        <source>Delete claim</source>
        <translation>Eliminar afirmación</translation>
    </message>
    <message numerus="yes">
        <source>Delete claim {number}, with its verdict and %n source note(s)? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>¿Eliminar la afirmación {number}, con su veredicto y %n nota de fuente? Puede deshacerlo con Ctrl+Z.</numerusform>
            <numerusform>¿Eliminar la afirmación {number}, con su veredicto y %n notas de fuente? Puede deshacerlo con Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the words the claim should cover, then choose Adjust claim to selection.</source>
        <translation>Seleccione las palabras que debe abarcar la afirmación y luego elija Ajustar afirmación a la selección.</translation>
    </message>
    <message>
        <source>Click inside the claim where it should be split, then choose Split claim.</source>
        <translation>Haga clic dentro de la afirmación donde deba dividirse y luego elija Dividir afirmación.</translation>
    </message>
    <message>
        <source>There is no later claim in this article to merge with.</source>
        <translation>No hay ninguna afirmación posterior en este artículo con la que fusionarla.</translation>
    </message>
    <message>
        <source>Every claim shown is done.</source>
        <translation>Todas las afirmaciones mostradas están terminadas.</translation>
    </message>
    <message numerus="yes">
        <source>The scale has %n rating(s).</source>
        <translation>
            <numerusform>La escala tiene %n calificación.</numerusform>
            <numerusform>La escala tiene %n calificaciones.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rating scale was changed on this desk; the Rating menu now shows it. Nothing was rated: press the key for the rating you mean.</source>
        <translation>La escala de calificaciones se cambió en esta mesa; el menú Calificación ya la muestra. No se calificó nada: pulse la tecla de la calificación que quiere.</translation>
    </message>
    <message>
        <source>The clipboard holds no web address.</source>
        <translation>El portapapeles no contiene ninguna dirección web.</translation>
    </message>
</context>
<context>
    <name>ConflictSaves</name>
    <message>
        <source>The explanation was not saved; what you typed is on the clipboard.</source>
        <extracomment>A verdict as a conflict names it: (rating name, explanation). The open conflict dialog, one at a time (a newer save of the same text joins it).</extracomment>
        <translation>La explicación no se guardó; lo que escribió está en el portapapeles.</translation>
    </message>
    <message>
        <source>Kept their version; yours is on the clipboard if you need it.</source>
        <translation>Se conservó la otra versión; la suya está en el portapapeles por si la necesita.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>What sort of speaker this is</source>
        <extracomment>Typing pauses this long before the explanation is saved (it is also saved on leaving). A short note for the status bar (e.g. where a discarded text went). The checker chose a rating for this claim; heard before the rating is saved. Writes carrying the editor&apos;s text that have not finished (queued ones). Verdict and source saves on the version shown; conflicts open a dialog.</extracomment>
        <translation>Qué tipo de hablante es</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>Hablante:</translation>
    </message>
    <message>
        <source>Why this rating? What does the evidence show?</source>
        <translation>¿Por qué esta calificación? ¿Qué muestran las pruebas?</translation>
    </message>
    <message>
        <source>Verd&amp;ict</source>
        <translation>Vered&amp;icto</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Calificación:</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>Aña&amp;dir…</translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation>Edi&amp;tar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>— not rated —</source>
        <translation>— sin calificar —</translation>
    </message>
    <message>
        <source>No claim selected</source>
        <translation>Ninguna afirmación seleccionada</translation>
    </message>
    <message>
        <source>Select a row of the table or click a highlighted sentence.</source>
        <translation>Seleccione una fila de la tabla o haga clic en una oración resaltada.</translation>
    </message>
    <message>
        <source>Claim {number}</source>
        <translation>Afirmación {number}</translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation>puntuación {score}</translation>
    </message>
    <message>
        <source>Rated by {checker}, {when}</source>
        <translation>Calificada por {checker}, {when}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Choose a rating to write the explanation.</source>
        <translation>Elija una calificación para escribir la explicación.</translation>
    </message>
    <message>
        <source>The source note was not saved; what you typed is on the clipboard.</source>
        <extracomment>Told (claim id, True) when a note dialog opens and (claim id, False) when it closes: on a shared desk the others see the claim being edited.</extracomment>
        <translation>La nota de fuente no se guardó; lo que escribió está en el portapapeles.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>That claim no longer exists: it was deleted or merged since the search.</source>
        <translation>Esa afirmación ya no existe: se eliminó o se fusionó después de la búsqueda.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>The details are also in the log: {path}</source>
        <translation>Los detalles también están en el registro: {path}</translation>
    </message>
    <message>
        <source>ClaimDesk: unexpected error</source>
        <translation>ClaimDesk: error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong inside ClaimDesk. Your work so far is saved.</source>
        <translation>Algo ha fallado dentro de ClaimDesk. Su trabajo hasta ahora está guardado.</translation>
    </message>
    <message>
        <source>Please report it with the details below.</source>
        <translation>Por favor, infórmenos del error con los detalles de abajo.</translation>
    </message>
</context>
<context>
    <name>EvidenceActions</name>
    <message>
        <source>Some file changes of the cancelled note stay: other edits came after them; use Edit → Undo to take them back.</source>
        <translation>Algunos cambios de archivos de la nota cancelada se mantienen: después vinieron otras ediciones; use Editar → Deshacer para revertirlos.</translation>
    </message>
    <message>
        <source>Taking back files</source>
        <translation>Revirtiendo archivos</translation>
    </message>
    <message>
        <source>Attaching files</source>
        <translation>Adjuntando archivos</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <source>{type} · {size} bytes · captured {when}
sha256 {sha}</source>
        <translation>{type} · {size} bytes · capturado el {when}
sha256 {sha}</translation>
    </message>
    <message>
        <source>This image could not be shown here.</source>
        <translation>Esta imagen no se puede mostrar aquí.</translation>
    </message>
    <message>
        <source>No text was found in this file.</source>
        <translation>No se encontró texto en este archivo.</translation>
    </message>
    <message>
        <source>&amp;Open with the system viewer</source>
        <translation>&amp;Abrir con el visor del sistema</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>[Shown: the first {shown} of {total} characters. Open the file with the system viewer for the rest; desk search finds words in all of it.]</source>
        <translation>[Se muestran los primeros {shown} de {total} caracteres. Abra el archivo con el visor del sistema para ver el resto; la búsqueda en la mesa encuentra palabras en todo él.]</translation>
    </message>
    <message>
        <source>No text layer was found in this PDF: it is a scan, or its text is sealed with a password. Open it with the system viewer to see it.</source>
        <translation>No se encontró capa de texto en este PDF: es un escaneo, o su texto está protegido con contraseña. Ábralo con el visor del sistema para verlo.</translation>
    </message>
    <message>
        <source>No main text was found in this saved page (it may hold only pictures, or build its text with scripts, which are never run here).</source>
        <translation>No se encontró texto principal en esta página guardada (puede tener solo imágenes, o crear su texto con scripts, que aquí nunca se ejecutan).</translation>
    </message>
    <message>
        <source>No page text was found in this web archive.</source>
        <translation>No se encontró texto de página en este archivo web.</translation>
    </message>
    <message>
        <source>Open the saved page?</source>
        <translation>¿Abrir la página guardada?</translation>
    </message>
    <message>
        <source>Your browser will run this page&apos;s scripts and may load its pictures from the web, which tells the site that the page was opened. Its text is shown here without any of that.</source>
        <translation>Su navegador ejecutará los scripts de esta página y puede cargar sus imágenes desde la web, lo que indica al sitio que la página se abrió. Aquí se muestra su texto sin nada de eso.</translation>
    </message>
    <message>
        <source>&amp;Open in the browser</source>
        <translation>&amp;Abrir en el navegador</translation>
    </message>
    <message>
        <source>Cannot write a copy of {name} to open: {reason}.</source>
        <translation>No se puede escribir una copia de {name} para abrirla: {reason}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Checked from</source>
        <translation>Verificadas desde</translation>
    </message>
    <message>
        <source>Checked until</source>
        <translation>Verificadas hasta</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>&amp;This article</source>
        <translation>&amp;Este artículo</translation>
    </message>
    <message>
        <source>&amp;All articles</source>
        <translation>&amp;Todos los artículos</translation>
    </message>
    <message>
        <source>Checked &amp;between</source>
        <translation>&amp;Verificadas entre</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>&amp;Include claims nobody has worked on</source>
        <translation>&amp;Incluir afirmaciones en las que nadie ha trabajado</translation>
    </message>
    <message>
        <source>Byte-order &amp;mark for Excel</source>
        <translation>&amp;Marca de orden de bytes para Excel</translation>
    </message>
    <message>
        <source>&amp;Copy attached files into a folder beside the report</source>
        <translation>&amp;Copiar los archivos adjuntos en una carpeta junto al informe</translation>
    </message>
    <message>
        <source>https://… the page where this fact-check is published</source>
        <translation>https://… la página donde se publica esta verificación</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Report on:</source>
        <translation>Informe sobre:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Review &amp;URL:</source>
        <translation>&amp;URL de la verificación:</translation>
    </message>
    <message>
        <source>No claim here has been worked on yet. Tick “Include claims nobody has worked on” to list every candidate.</source>
        <translation>Todavía nadie ha trabajado en ninguna afirmación de aquí. Marque «Incluir afirmaciones en las que nadie ha trabajado» para listar todas las candidatas.</translation>
    </message>
    <message>
        <source>ClaimReview needs facts that are not set yet: {facts}.</source>
        <translation>ClaimReview necesita datos que aún no están definidos: {facts}.</translation>
    </message>
    <message>
        <source>The desk changed since this preview (a verdict was edited, approved or sent back to review). Check the new preview, then save again.</source>
        <translation>El escritorio ha cambiado desde esta vista previa (se editó o aprobó un veredicto, o se devolvió a revisión). Revise la nueva vista previa y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Guardar informe</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado {path}</translation>
    </message>
</context>
<context>
    <name>ExtractionQueue</name>
    <message>
        <source>Cancel</source>
        <extracomment>The extraction stopped because the checker cancelled it (not an error to report).</extracomment>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Finding claims… (loading the language model)</source>
        <translation>Buscando afirmaciones… (cargando el modelo de lenguaje)</translation>
    </message>
    <message>
        <source>Finding claims…</source>
        <translation>Buscando afirmaciones…</translation>
    </message>
    <message>
        <source>Claims found.</source>
        <translation>Afirmaciones encontradas.</translation>
    </message>
    <message>
        <source>Claim extraction cancelled.</source>
        <translation>Búsqueda de afirmaciones cancelada.</translation>
    </message>
</context>
<context>
    <name>FactCheckImporter</name>
    <message>
        <source>Import fact-checks</source>
        <translation>Importar verificaciones</translation>
    </message>
    <message>
        <source>Fact-checks (*.json *.jsonld *.html *.htm *.csv *.gz *.zip);;All files (*)</source>
        <translation>Verificaciones (*.json *.jsonld *.html *.htm *.csv *.gz *.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading fact-checks…</source>
        <translation>Leyendo verificaciones…</translation>
    </message>
    <message>
        <source>Importing fact-checks</source>
        <translation>Importando verificaciones</translation>
    </message>
    <message>
        <source>Reading file {number} of {total}…</source>
        <translation>Leyendo el archivo {number} de {total}…</translation>
    </message>
    <message>
        <source>Fact-checks imported</source>
        <translation>Verificaciones importadas</translation>
    </message>
    <message>
        <source>{path}: 1 fact-check</source>
        <translation>{path}: 1 verificación</translation>
    </message>
    <message>
        <source>{path}: {count} fact-checks</source>
        <translation>{path}: {count} verificaciones</translation>
    </message>
    <message>
        <source>Refused: {path}: {why}</source>
        <translation>Rechazado: {path}: {why}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Status: {old} → {new}</source>
        <extracomment>Shown for &quot;no verdict&quot; (before the first rating, after clearing it). The view grows with its rows up to this many, then scrolls.</extracomment>
        <translation>Estado: {old} → {new}</translation>
    </message>
    <message>
        <source>Verdict: {old} → {new}</source>
        <translation>Veredicto: {old} → {new}</translation>
    </message>
    <message>
        <source>Source added: {name}</source>
        <translation>Fuente añadida: {name}</translation>
    </message>
    <message>
        <source>Assigned: {old} → {new}</source>
        <translation>Asignada: {old} → {new}</translation>
    </message>
    <message>
        <source>Review: {old} → {new}</source>
        <translation>Revisión: {old} → {new}</translation>
    </message>
    <message>
        <source>Explanation edited</source>
        <translation>Explicación editada</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacía)</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Antes:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Después:</translation>
    </message>
    <message>
        <source>No status or verdict changes yet.</source>
        <translation>Todavía no hay cambios de estado ni de veredicto.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>To do</source>
        <extracomment>Languages with a claimdesk_&lt;code&gt;.qm (English is the source language). English labels the core (domain, storage) hands the window, marked for lupdate and translated when shown. Free-form KnownError sentences stay English (see README).</extracomment>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Predicción</translation>
    </message>
    <message>
        <source>Cause &amp; effect</source>
        <translation>Causa y efecto</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>Rules &amp; laws</source>
        <translation>Normas y leyes</translation>
    </message>
    <message>
        <source>Personal experience</source>
        <translation>Experiencia personal</translation>
    </message>
    <message>
        <source>Date &amp; time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Respalda</translation>
    </message>
    <message>
        <source>Contradicts</source>
        <translation>Contradice</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Pendiente de revisión</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mías</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Needs my review</source>
        <translation>Pendientes de mi revisión</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Verdadero</translation>
    </message>
    <message>
        <source>Mostly true</source>
        <translation>Mayormente verdadero</translation>
    </message>
    <message>
        <source>Half true</source>
        <translation>Verdad a medias</translation>
    </message>
    <message>
        <source>Mostly false</source>
        <translation>Mayormente falso</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Falso</translation>
    </message>
    <message>
        <source>Misleading</source>
        <translation>Engañoso</translation>
    </message>
    <message>
        <source>Unverifiable</source>
        <translation>No verificable</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Página web (HTML)</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>Word document (DOCX)</source>
        <translation>Documento de Word (DOCX)</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation>Hoja de cálculo (CSV)</translation>
    </message>
    <message>
        <source>Data (JSON)</source>
        <translation>Datos (JSON)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System</source>
        <extracomment>Where ui.ini keeps the choice: a per-user preference like the window geometry, not data that travels with the database file (a shared desk may have readers of both). Stored value and the name shown in the Settings dialog; &quot;&quot; follows the system. Language names are written in their own language so a lost user can find theirs.</extracomment>
        <translation>Sistema</translation>
    </message>
</context>
<context>
    <name>LanguageBanner</name>
    <message>
        <source>{language}: claims and scores; no entities or speakers</source>
        <translation>{language}: afirmaciones y puntuaciones; sin entidades ni hablantes</translation>
    </message>
    <message>
        <source>{language}: claims only; no scores, entities or speakers</source>
        <translation>{language}: solo afirmaciones; sin puntuaciones, entidades ni hablantes</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Acehnese</source>
        <extracomment>Every English name nlp.language gives, marked for lupdate (context &quot;Languages&quot;); tests/gui/test_language_gui.py checks that the two lists agree.</extracomment>
        <translation>Achenés</translation>
    </message>
    <message>
        <source>Afrikaans</source>
        <translation>Afrikáans</translation>
    </message>
    <message>
        <source>Albanian</source>
        <translation>Albanés</translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation>Amárico</translation>
    </message>
    <message>
        <source>Ancient Greek</source>
        <translation>Griego antiguo</translation>
    </message>
    <message>
        <source>Ancient Hebrew</source>
        <translation>Hebreo antiguo</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <source>Aragonese</source>
        <translation>Aragonés</translation>
    </message>
    <message>
        <source>Armenian</source>
        <translation>Armenio</translation>
    </message>
    <message>
        <source>Assamese</source>
        <translation>Asamés</translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation>Azerbaiyano</translation>
    </message>
    <message>
        <source>Bashkir</source>
        <translation>Baskir</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>Euskera</translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation>Bielorruso</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>Bengalí</translation>
    </message>
    <message>
        <source>Bosnian</source>
        <translation>Bosnio</translation>
    </message>
    <message>
        <source>Breton</source>
        <translation>Bretón</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>Búlgaro</translation>
    </message>
    <message>
        <source>Burmese</source>
        <translation>Birmano</translation>
    </message>
    <message>
        <source>Cantonese</source>
        <translation>Cantonés</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>Catalán</translation>
    </message>
    <message>
        <source>Central Bikol</source>
        <translation>Bicolano central</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <source>Crimean Tatar</source>
        <translation>Tártaro de Crimea</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>Croata</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>Checo</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Danés</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Neerlandés</translation>
    </message>
    <message>
        <source>Dzongkha</source>
        <translation>Dzongkha</translation>
    </message>
    <message>
        <source>Egyptian Arabic</source>
        <translation>Árabe egipcio</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Esperanto</source>
        <translation>Esperanto</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>Estonio</translation>
    </message>
    <message>
        <source>Extremaduran</source>
        <translation>Extremeño</translation>
    </message>
    <message>
        <source>Faroese</source>
        <translation>Feroés</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>Gallego</translation>
    </message>
    <message>
        <source>Ganda</source>
        <translation>Ganda</translation>
    </message>
    <message>
        <source>Georgian</source>
        <translation>Georgiano</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>Goan Konkani</source>
        <translation>Konkani de Goa</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>Griego</translation>
    </message>
    <message>
        <source>Guadeloupean Creole</source>
        <translation>Criollo guadalupeño</translation>
    </message>
    <message>
        <source>Guianese Creole</source>
        <translation>Criollo guayanés</translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation>Guyaratí</translation>
    </message>
    <message>
        <source>Gun</source>
        <translation>Gun</translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <source>Hausa</source>
        <translation>Hausa</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>Hebreo</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>Hindi</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>Húngaro</translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation>Islandés</translation>
    </message>
    <message>
        <source>Igbo</source>
        <translation>Igbo</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesio</translation>
    </message>
    <message>
        <source>Irish</source>
        <translation>Irlandés</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonés</translation>
    </message>
    <message>
        <source>Javanese</source>
        <translation>Javanés</translation>
    </message>
    <message>
        <source>Kabyle</source>
        <translation>Cabileño</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>Canarés</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Kazajo</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>Jemer</translation>
    </message>
    <message>
        <source>Kikuyu</source>
        <translation>Kikuyu</translation>
    </message>
    <message>
        <source>Kinyarwanda</source>
        <translation>Kinyarwanda</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <source>Kurdish</source>
        <translation>Kurdo</translation>
    </message>
    <message>
        <source>Kyrgyz</source>
        <translation>Kirguís</translation>
    </message>
    <message>
        <source>Lao</source>
        <translation>Lao</translation>
    </message>
    <message>
        <source>Latgalian</source>
        <translation>Latgaliano</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>Latín</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>Letón</translation>
    </message>
    <message>
        <source>Ligurian</source>
        <translation>Ligur</translation>
    </message>
    <message>
        <source>Lingala</source>
        <translation>Lingala</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>Lituano</translation>
    </message>
    <message>
        <source>Luxembourgish</source>
        <translation>Luxemburgués</translation>
    </message>
    <message>
        <source>Macedonian</source>
        <translation>Macedonio</translation>
    </message>
    <message>
        <source>Malagasy</source>
        <translation>Malgache</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>Malayo</translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation>Malayálam</translation>
    </message>
    <message>
        <source>Maltese</source>
        <translation>Maltés</translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation>Maratí</translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation>Mongol</translation>
    </message>
    <message>
        <source>Moroccan Arabic</source>
        <translation>Árabe marroquí</translation>
    </message>
    <message>
        <source>Nepali</source>
        <translation>Nepalí</translation>
    </message>
    <message>
        <source>Nigerian Fulfulde</source>
        <translation>Fulfulde nigeriano</translation>
    </message>
    <message>
        <source>Nigerian Pidgin</source>
        <translation>Pidgin de Nigeria</translation>
    </message>
    <message>
        <source>Northern Sami</source>
        <translation>Sami septentrional</translation>
    </message>
    <message>
        <source>Northern Sotho</source>
        <translation>Sotho septentrional</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Noruego</translation>
    </message>
    <message>
        <source>Norwegian Nynorsk</source>
        <translation>Noruego nynorsk</translation>
    </message>
    <message>
        <source>Occitan</source>
        <translation>Occitano</translation>
    </message>
    <message>
        <source>Odia</source>
        <translation>Oriya</translation>
    </message>
    <message>
        <source>Oromo</source>
        <translation>Oromo</translation>
    </message>
    <message>
        <source>Paraguayan Guarani</source>
        <translation>Guaraní paraguayo</translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation>Pastún</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>Persa</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation>Punyabí</translation>
    </message>
    <message>
        <source>Quechua</source>
        <translation>Quechua</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>Rumano</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>Sanskrit</source>
        <translation>Sánscrito</translation>
    </message>
    <message>
        <source>Scottish Gaelic</source>
        <translation>Gaélico escocés</translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation>Serbio</translation>
    </message>
    <message>
        <source>Shona</source>
        <translation>Shona</translation>
    </message>
    <message>
        <source>Sinhala</source>
        <translation>Cingalés</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>Eslovaco</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>Esloveno</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>Somalí</translation>
    </message>
    <message>
        <source>Southern Kurdish</source>
        <translation>Kurdo meridional</translation>
    </message>
    <message>
        <source>Southern Sotho</source>
        <translation>Sotho meridional</translation>
    </message>
    <message>
        <source>Southern Uzbek</source>
        <translation>Uzbeko meridional</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation>Suajili</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Sueco</translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation>Tagalo</translation>
    </message>
    <message>
        <source>Tajik</source>
        <translation>Tayiko</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>Tamil</translation>
    </message>
    <message>
        <source>Tatar</source>
        <translation>Tártaro</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>Telugu</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>Tailandés</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Turco</translation>
    </message>
    <message>
        <source>Turkmen</source>
        <translation>Turcomano</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ucraniano</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>Urdu</translation>
    </message>
    <message>
        <source>Uyghur</source>
        <translation>Uigur</translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation>Uzbeko</translation>
    </message>
    <message>
        <source>Venetian</source>
        <translation>Veneciano</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <source>Volapük</source>
        <translation>Volapük</translation>
    </message>
    <message>
        <source>Walloon</source>
        <translation>Valón</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Galés</translation>
    </message>
    <message>
        <source>Western Frisian</source>
        <translation>Frisón occidental</translation>
    </message>
    <message>
        <source>Wu Chinese</source>
        <translation>Chino wu</translation>
    </message>
    <message>
        <source>Xhosa</source>
        <translation>Xhosa</translation>
    </message>
    <message>
        <source>Yoruba</source>
        <translation>Yoruba</translation>
    </message>
    <message>
        <source>Zulu</source>
        <translation>Zulú</translation>
    </message>
    <message>
        <source>Unknown</source>
        <extracomment>An article whose language the detector could not tell (code &quot;und&quot;).</extracomment>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>imported {when}</source>
        <extracomment>The language&apos;s name, translated (&quot;&quot; until detected). The stored code (&quot;de&quot;, &quot;und&quot;; None: not detected yet).</extracomment>
        <translation>importado {when}</translation>
    </message>
    <message numerus="yes">
        <source>{checked} of %n claim(s) checked</source>
        <translation>
            <numerusform>Verificadas: {checked} de %n afirmación</numerusform>
            <numerusform>Verificadas: {checked} de %n afirmaciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <source>Another checker</source>
        <translation>Otro verificador</translation>
    </message>
    <message>
        <source>{who} saved this claim; your save will ask how to merge.</source>
        <translation>{who} guardó esta afirmación; al guardar se le preguntará cómo combinar.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Claim details</source>
        <extracomment>The checker chose another (or a new) database file in the settings.</extracomment>
        <translation>Detalles de la afirmación</translation>
    </message>
    <message>
        <source>{title} — ClaimDesk</source>
        <translation>{title} — ClaimDesk</translation>
    </message>
    <message>
        <source>Saving your last changes; ClaimDesk closes when they are saved…</source>
        <translation>Guardando sus últimos cambios; ClaimDesk se cerrará cuando estén guardados…</translation>
    </message>
</context>
<context>
    <name>MatchesModel</name>
    <message>
        <source>no rating</source>
        <translation>sin calificación</translation>
    </message>
    <message>
        <source>this desk</source>
        <translation>esta redacción</translation>
    </message>
    <message>
        <source>similarity {value}</source>
        <translation>similitud {value}</translation>
    </message>
    <message>
        <source>The desk&apos;s own verdict on claim {number} of this article</source>
        <translation>El veredicto de la propia redacción sobre la afirmación {number} de este artículo</translation>
    </message>
    <message>
        <source>The desk&apos;s own verdict on a claim of another article</source>
        <translation>El veredicto de la propia redacción sobre una afirmación de otro artículo</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Importar &amp;carpeta…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Exportar informe…</translation>
    </message>
    <message>
        <source>Import fact-&amp;checks…</source>
        <translation>Importar &amp;verificaciones…</translation>
    </message>
    <message>
        <source>Export case &amp;bundle…</source>
        <translation>Exportar &amp;paquete del caso…</translation>
    </message>
    <message>
        <source>&amp;Import case bundle…</source>
        <translation>&amp;Importar paquete del caso…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Search the desk…</source>
        <translation>&amp;Buscar en ClaimDesk…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rtículo</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Propiedades…</translation>
    </message>
    <message>
        <source>Find claims &amp;again</source>
        <translation>Buscar afirmaciones de &amp;nuevo</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>A&amp;firmación</translation>
    </message>
    <message>
        <source>&amp;Next claim</source>
        <translation>Afirmación &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous claim</source>
        <translation>Afirmación &amp;anterior</translation>
    </message>
    <message>
        <source>Next &amp;unchecked claim</source>
        <translation>Siguiente afirmación &amp;no verificada</translation>
    </message>
    <message>
        <source>Edit &amp;verdict</source>
        <translation>Editar &amp;veredicto</translation>
    </message>
    <message>
        <source>Add &amp;source…</source>
        <translation>Añadir &amp;fuente…</translation>
    </message>
    <message>
        <source>Add source from &amp;clipboard URL</source>
        <translation>Añadir fuente desde la URL del &amp;portapapeles</translation>
    </message>
    <message>
        <source>Accep&amp;t checked-before match as source</source>
        <translation>Acep&amp;tar verificación anterior como fuente</translation>
    </message>
    <message>
        <source>Assi&amp;gn to…</source>
        <translation>Asi&amp;gnar a…</translation>
    </message>
    <message>
        <source>Re&amp;quest review</source>
        <translation>Solicitar &amp;revisión</translation>
    </message>
    <message>
        <source>Appr&amp;ove verdict</source>
        <translation>Apr&amp;obar veredicto</translation>
    </message>
    <message>
        <source>&amp;Add claim from selection</source>
        <translation>Añadir afirmación desde la s&amp;elección</translation>
    </message>
    <message>
        <source>Ad&amp;just claim to selection</source>
        <translation>A&amp;justar afirmación a la selección</translation>
    </message>
    <message>
        <source>Sp&amp;lit claim at cursor</source>
        <translation>Divi&amp;dir afirmación en el cursor</translation>
    </message>
    <message>
        <source>&amp;Merge with next claim</source>
        <translation>F&amp;usionar con la afirmación siguiente</translation>
    </message>
    <message>
        <source>&amp;Delete claim…</source>
        <translation>E&amp;liminar afirmación…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Show &amp;every sentence</source>
        <translation>Mostrar &amp;todas las oraciones</translation>
    </message>
    <message>
        <source>&amp;Filter claims</source>
        <translation>&amp;Filtrar afirmaciones</translation>
    </message>
    <message>
        <source>Table &amp;columns…</source>
        <translation>&amp;Columnas de la tabla…</translation>
    </message>
    <message>
        <source>&amp;Rating</source>
        <translation>&amp;Calificación</translation>
    </message>
    <message>
        <source>&amp;Not rated</source>
        <translation>&amp;Sin calificar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About ClaimDesk</source>
        <translation>A&amp;cerca de ClaimDesk</translation>
    </message>
    <message>
        <source>Mark as to do</source>
        <translation>Marcar como pendiente</translation>
    </message>
    <message>
        <source>Mark as in progress</source>
        <translation>Marcar como en curso</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Marcar como terminada</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Article properties</source>
        <translation>Propiedades del artículo</translation>
    </message>
    <message>
        <source>https://… where the article was published</source>
        <translation>https://… donde se publicó el artículo</translation>
    </message>
    <message>
        <source>&amp;Known</source>
        <translation>&amp;Conocida</translation>
    </message>
    <message>
        <source>Language of the article</source>
        <translation>Idioma del artículo</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>&amp;Medio:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>Publicado:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>imported {when}</source>
        <translation>importado {when}</translation>
    </message>
    <message>
        <source>Set by a checker.</source>
        <translation>Lo fijó un verificador.</translation>
    </message>
    <message>
        <source>Not detected yet.</source>
        <translation>Aún no detectado.</translation>
    </message>
    <message>
        <source>Detected automatically; correct it here if it is wrong.</source>
        <translation>Detectado automáticamente; corríjalo aquí si es incorrecto.</translation>
    </message>
    <message>
        <source>Reading the text…</source>
        <translation>Leyendo el texto…</translation>
    </message>
    <message>
        <source>The detector cannot tell the language of this text.</source>
        <translation>El detector no puede determinar el idioma de este texto.</translation>
    </message>
    <message>
        <source>The detector says {language} ({percent}% sure).</source>
        <translation>El detector indica {language} (con un {percent} % de certeza).</translation>
    </message>
</context>
<context>
    <name>RatingScaleEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <source>Co&amp;lour…</source>
        <translation>&amp;Color…</translation>
    </message>
    <message>
        <source>Best rating first. Claims keep their rating when you rename, recolour or move it; a rating that claims use cannot be removed. Double-click a name or value to edit it; ClaimReview publishes the value (0 = not on the numeric scale).</source>
        <translation>La mejor calificación primero. Las afirmaciones conservan su calificación aunque la renombre, le cambie el color o la mueva; no se puede quitar una calificación que usan afirmaciones. Haga doble clic en un nombre o un valor para editarlo; ClaimReview publica el valor (0 = fuera de la escala numérica).</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>Color de «{name}»</translation>
    </message>
</context>
<context>
    <name>RatingScaleModel</name>
    <message>
        <source>New rating</source>
        <translation>Nueva calificación</translation>
    </message>
    <message>
        <source>What ClaimReview publishes; 0 keeps this rating off the numeric scale.</source>
        <translation>Lo que publica ClaimReview; 0 deja esta calificación fuera de la escala numérica.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Hecha a mano</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <source>Before a bundle import</source>
        <translation>Antes de importar un paquete</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar copia de seguridad</translation>
    </message>
    <message>
        <source>Backups of {name}, newest first. Restoring one first keeps the current file aside as a “before a restore” backup, so nothing is lost.</source>
        <translation>Copias de seguridad de {name}, la más reciente primero. Al restaurar una, el archivo actual se guarda antes aparte como copia «antes de una restauración», así que no se pierde nada.</translation>
    </message>
    <message>
        <source>No backups yet. ClaimDesk makes one each day it opens this database, and before upgrades and bundle imports. They are kept in {folder}.</source>
        <translation>Todavía no hay copias de seguridad. ClaimDesk hace una cada día que abre esta base de datos, y antes de actualizaciones e importaciones de paquetes. Se guardan en {folder}.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Make {name} what it was on {when} ({holds})?

The current file is kept aside first as a “before a restore” backup, which this list then shows, so you can go back to it.</source>
        <translation>¿Devolver {name} al estado del {when} ({holds})?

Antes, el archivo actual se guarda aparte como copia «antes de una restauración», que luego aparece en esta lista, así que puede volver a él.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Restoring the backup of {when}…</source>
        <translation>Restaurando la copia del {when}…</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Assign claim</source>
        <translation>Asignar afirmación</translation>
    </message>
    <message>
        <source>Assign claim {number} to (empty: nobody):</source>
        <translation>Asignar la afirmación {number} a (vacío: a nadie):</translation>
    </message>
    <message>
        <source>Select a claim first.</source>
        <translation>Seleccione primero una afirmación.</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Assigned to {checker}</source>
        <translation>Asignada a {checker}</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Approved by {reviewer} {when}</source>
        <translation>Aprobado por {reviewer} {when}</translation>
    </message>
    <message>
        <source>{state} (verdict by {checker})</source>
        <translation>{state} (veredicto de {checker})</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>ReviewRequiredBox</name>
    <message>
        <source>Publish only &amp;approved verdicts</source>
        <translation>Publicar solo veredictos &amp;aprobados</translation>
    </message>
    <message>
        <source>Reports and ClaimReview leave out verdicts a second checker has not approved (on by default on a shared desk).</source>
        <translation>Los informes y ClaimReview omiten los veredictos que un segundo verificador no ha aprobado (activado por defecto en una redacción compartida).</translation>
    </message>
    <message>
        <source>Turned on by {who} on {when}.</source>
        <translation>Activado por {who} el {when}.</translation>
    </message>
    <message>
        <source>Turned off by {who} on {when}.</source>
        <translation>Desactivado por {who} el {when}.</translation>
    </message>
</context>
<context>
    <name>RunningWindow</name>
    <message>
        <source>A case bundle is still being imported. Switch databases once it is merged.</source>
        <translation>Todavía se está importando un paquete del caso. Cambie de base de datos cuando se haya fusionado.</translation>
    </message>
    <message>
        <source>Your last changes are still being saved. Switch databases once the status bar says “{saved}”</source>
        <translation>Sus últimos cambios aún se están guardando. Cambie de base de datos cuando la barra de estado diga «{saved}»</translation>
    </message>
</context>
<context>
    <name>SaveConflictDialog</name>
    <message>
        <source>Status</source>
        <extracomment>How each saved field is named in the dialog (the keys of SaveConflict.mine/theirs).</extracomment>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explicación</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Postura</translation>
    </message>
    <message>
        <source>verdict</source>
        <extracomment>What was saved (SaveConflict.what), as the dialog names it.</extracomment>
        <translation>veredicto</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>afirmación</translation>
    </message>
    <message>
        <source>source note</source>
        <translation>nota de fuente</translation>
    </message>
    <message>
        <source>(empty)</source>
        <extracomment>Where the merge box puts the other checker&apos;s text after the checker&apos;s own.</extracomment>
        <translation>(vacía)</translation>
    </message>
    <message>
        <source>Someone else saved this first</source>
        <translation>Otra persona guardó esto antes</translation>
    </message>
    <message>
        <source>Someone else saved this {what} while you were editing it. Nothing of yours was written over it yet: compare both and choose what to keep. Either way the claim&apos;s history records both saves.</source>
        <translation>Otra persona guardó este/a {what} mientras usted lo editaba. Todavía no se ha escrito nada suyo encima: compare ambas versiones y elija qué conservar. En cualquier caso, el historial de la afirmación registra ambos guardados.</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>La suya</translation>
    </message>
    <message>
        <source>Theirs (saved now)</source>
        <translation>La otra (guardada ahora)</translation>
    </message>
    <message>
        <source>Fields not listed are the same in both.</source>
        <translation>Los campos que no aparecen son iguales en ambas.</translation>
    </message>
    <message>
        <source>Merged te&amp;xt (yours first, then theirs; edit it before you merge):</source>
        <translation>&amp;Texto combinado (el suyo primero, luego el otro; edítelo antes de combinar):</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Conservar la mía</translation>
    </message>
    <message>
        <source>Save yours over theirs (Alt+K)</source>
        <translation>Guardar la suya sobre la otra (Alt+C)</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Usar la otra</translation>
    </message>
    <message>
        <source>Drop yours and show theirs; yours goes to the clipboard (Alt+T or Esc)</source>
        <translation>Descartar la suya y mostrar la otra; la suya va al portapapeles (Alt+U o Esc)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>Co&amp;mbinar</translation>
    </message>
    <message>
        <source>Save the merged text (Alt+M)</source>
        <translation>Guardar el texto combinado (Alt+M)</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search the desk</source>
        <translation>Buscar en ClaimDesk</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Article</source>
        <extracomment>Typing pauses this long before the query runs, so a fast typist starts one search.</extracomment>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Afirmación</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>{kind} in “{title}”</source>
        <extracomment>Badge colours: dark enough for white text on light and dark themes alike.</extracomment>
        <translation>{kind} en «{title}»</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Search articles, claims, verdicts and sources</source>
        <translation>Buscar en artículos, afirmaciones, veredictos y fuentes</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing matches “{words}”.</source>
        <translation>Nada coincide con «{words}».</translation>
    </message>
    <message>
        <source>The best {count} results; add words to narrow them.</source>
        <translation>Los {count} mejores resultados; añada palabras para acotarlos.</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} resultados</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>ClaimDesk is still saving other work (a bundle import or another ClaimDesk). Your settings are kept here: click Save again in a moment.</source>
        <extracomment>Save found the write lock taken (a bundle import, another ClaimDesk writing).</extracomment>
        <translation>ClaimDesk todavía está guardando otro trabajo (una importación de paquete u otro ClaimDesk). Su configuración se conserva aquí: vuelva a pulsar Guardar en un momento.</translation>
    </message>
    <message>
        <source>ClaimDesk databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos de ClaimDesk (*.sqlite3 *.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://, e.g. https://example.org</source>
        <translation>La dirección debe empezar por http:// o https://, p. ej. https://example.org</translation>
    </message>
    <message>
        <source>That is not a complete web address; it should look like https://example.org</source>
        <translation>No es una dirección web completa; debería tener la forma https://example.org</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <source>Recorded on verdicts, notes and in each claim&apos;s history. Left empty, your login name (on a shared desk: your database user) is used.</source>
        <translation>Se registra en los veredictos, las fuentes y el historial de cada afirmación. Si se deja vacío, se usa su nombre de usuario del sistema (en una redacción compartida: su usuario de la base de datos).</translation>
    </message>
    <message>
        <source>An image file for reports (optional)</source>
        <translation>Un archivo de imagen para los informes (opcional)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Ele&amp;gir…</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>Bo&amp;rrar</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>Dirección &amp;web:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <source>Reports and ClaimReview exports name the organisation as the author.</source>
        <translation>Los informes y las exportaciones ClaimReview citan a la organización como autora.</translation>
    </message>
    <message>
        <source>Check-worthiness &amp;threshold:</source>
        <translation>&amp;Umbral de relevancia para verificar:</translation>
    </message>
    <message>
        <source>Sentences scoring below this stay out of the claims list until you choose View → Show every sentence; claims you have worked on are always listed.</source>
        <translation>Las oraciones con una puntuación inferior quedan fuera de la lista de afirmaciones hasta que elija Ver → Mostrar todas las oraciones; las afirmaciones en las que ha trabajado siempre aparecen.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>System follows your desktop&apos;s light or dark setting.</source>
        <translation>Sistema sigue la configuración clara u oscura de su escritorio.</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>Open &amp;another database…</source>
        <translation>&amp;Abrir otra base de datos…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Nueva base de datos…</translation>
    </message>
    <message>
        <source>Current database:</source>
        <translation>Base de datos actual:</translation>
    </message>
    <message>
        <source>&amp;Backups to keep:</source>
        <translation>&amp;Copias de seguridad que conservar:</translation>
    </message>
    <message>
        <source>The file is copied once a day and before upgrades and bundle imports; older copies beyond this number are deleted. File → Restore from backup… brings one back.</source>
        <translation>El archivo se copia una vez al día y antes de actualizaciones e importaciones de paquetes; las copias más antiguas que superen este número se borran. Archivo → Restaurar copia de seguridad… recupera una.</translation>
    </message>
    <message>
        <source>Articles, claims, verdicts, sources and these settings live in the database file. Switching closes this dialog without saving changes made here.</source>
        <translation>Los artículos, afirmaciones, veredictos, fuentes y esta configuración están en el archivo de la base de datos. Cambiar de base de datos cierra este diálogo sin guardar los cambios hechos aquí.</translation>
    </message>
    <message>
        <source>&amp;Checker</source>
        <translation>&amp;Verificador</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organización</translation>
    </message>
    <message>
        <source>&amp;Rating scale</source>
        <translation>&amp;Escala de calificación</translation>
    </message>
    <message>
        <source>Clai&amp;ms</source>
        <translation>A&amp;firmaciones</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>A&amp;pariencia</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de datos</translation>
    </message>
    <message>
        <source>The new language applies after ClaimDesk restarts.</source>
        <translation>El nuevo idioma se aplica después de reiniciar ClaimDesk.</translation>
    </message>
    <message>
        <source>Dates and numbers follow the interface language.</source>
        <translation>Las fechas y los números siguen el idioma de la interfaz.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>There is no file at that path.</source>
        <translation>No hay ningún archivo en esa ruta.</translation>
    </message>
    <message>
        <source>That file is not an image ClaimDesk can read.</source>
        <translation>Ese archivo no es una imagen que ClaimDesk pueda leer.</translation>
    </message>
    <message>
        <source>Two ratings read “{name}” in this language (rows {first} and {second}); give each its own name.</source>
        <translation>Dos calificaciones se leen «{name}» en este idioma (filas {first} y {second}); dé a cada una su propio nombre.</translation>
    </message>
    <message>
        <source>Organisation logo</source>
        <translation>Logotipo de la organización</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Abrir otra base de datos</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nueva base de datos</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>No hay ningún archivo de base de datos en {path}.</translation>
    </message>
    <message>
        <source>That database is the one open now.</source>
        <translation>Esa base de datos es la que está abierta ahora.</translation>
    </message>
    <message>
        <source>{name} already exists: open it with “Open another database…”, or give the new database another name.</source>
        <translation>{name} ya existe: ábrala con «Abrir otra base de datos…» o dé otro nombre a la nueva base de datos.</translation>
    </message>
    <message>
        <source>Open shared des&amp;k…</source>
        <translation>Abrir mesa compar&amp;tida…</translation>
    </message>
</context>
<context>
    <name>SharedDeskDialog</name>
    <message>
        <source>Open shared desk</source>
        <translation>Abrir mesa compartida</translation>
    </message>
    <message>
        <source>or a service from pg_service.conf</source>
        <translation>o un servicio de pg_service.conf</translation>
    </message>
    <message>
        <source>&amp;Remember password</source>
        <translation>&amp;Recordar contraseña</translation>
    </message>
    <message>
        <source>Kept in your PostgreSQL password file ({path}), never in ClaimDesk.</source>
        <translation>Se guarda en su archivo de contraseñas de PostgreSQL ({path}), nunca en ClaimDesk.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>Ser&amp;vicio:</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name, or a service name.</source>
        <extracomment>The attempt under way: its address, and the password to remember if it opens.</extracomment>
        <translation>Escriba el nombre del servidor o el de un servicio.</translation>
    </message>
    <message>
        <source>Enter the name of the desk&apos;s database.</source>
        <translation>Escriba el nombre de la base de datos de la mesa.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Cannot open the shared desk; the log file has the details.</source>
        <translation>No se puede abrir la mesa compartida; el archivo de registro tiene los detalles.</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Other</source>
        <extracomment>The group of actions found in no menu.</extracomment>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Filter by action or keys</source>
        <translation>Filtrar por acción o teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>No shortcut matches.</source>
        <translation>Ningún atajo coincide.</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Edit source</source>
        <translation>Editar fuente</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Añadir fuente</translation>
    </message>
    <message>
        <source>The passage of the source that matters</source>
        <translation>El pasaje de la fuente que importa</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>&amp;Medio:</translation>
    </message>
    <message>
        <source>&amp;Accessed:</source>
        <translation>&amp;Consultada:</translation>
    </message>
    <message>
        <source>&amp;Stance:</source>
        <translation>&amp;Postura:</translation>
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation>C&amp;ita:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Archivos:</translation>
    </message>
    <message>
        <source>Attach &amp;files…</source>
        <translation>Adjuntar &amp;archivos…</translation>
    </message>
    <message>
        <source>&amp;View…</source>
        <translation>&amp;Ver…</translation>
    </message>
    <message>
        <source>&amp;Remove file</source>
        <translation>&amp;Quitar archivo</translation>
    </message>
    <message>
        <source>{name} (attached when saved)</source>
        <translation>{name} (se adjunta al guardar)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>This is what you typed before ClaimDesk was stopped; it is stored when you press Save.</source>
        <translation>Esto es lo que escribió antes de que ClaimDesk se detuviera; se guarda cuando pulse Guardar.</translation>
    </message>
    <message>
        <source>Give at least a URL, a title, a quote or a note.</source>
        <translation>Indique al menos una URL, un título, una cita o una nota.</translation>
    </message>
    <message>
        <source>The URL must start with https://, http:// or mailto: (or leave it empty).</source>
        <translation>La URL debe empezar por https://, http:// o mailto: (o déjela vacía).</translation>
    </message>
</context>
<context>
    <name>SourcesDropTarget</name>
    <message>
        <source>Add a source note first, then drop or paste files onto it.</source>
        <translation>Añada primero una nota de fuente y después suelte o pegue los archivos sobre ella.</translation>
    </message>
    <message>
        <source>Paste files onto the selected source note</source>
        <translation>Pegar archivos en la nota de fuente seleccionada</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Archivo: {name}</translation>
    </message>
</context>
<context>
    <name>WriteQueue</name>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Saving when the bundle import finishes…</source>
        <extracomment>Shown while writes wait for the lock, by who holds it.</extracomment>
        <translation>Se guardará cuando termine la importación del paquete…</translation>
    </message>
    <message>
        <source>Saving when the other ClaimDesk finishes writing…</source>
        <translation>Se guardará cuando el otro ClaimDesk termine de escribir…</translation>
    </message>
</context>
</TS>

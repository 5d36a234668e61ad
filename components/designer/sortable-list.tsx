"use client";
// Drag-and-drop reordering of one list (sections, the questions of a section, the options of a
// question) with @dnd-kit: by mouse or touch on an item's handle, or from the keyboard (focus
// the handle, Space or Enter to pick the item up, the arrow keys to move it, Space or Enter to
// drop, Escape to cancel), announced to screen readers in the designer's language. Lists nest:
// each has its own context, and only an item's own handle starts a drag.
import { useId, type CSSProperties, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { cn } from "@/lib/utils";

export type SortableEntry = { id: string; name: string };

export function SortableList({
  items,
  onMove,
  children,
}: {
  items: SortableEntry[];
  onMove: (from: number, to: number) => void;
  children: ReactNode;
}) {
  const t = useTranslations("designer.drag");
  const id = useId();
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((i) => i.id);
  const position = (itemId: UniqueIdentifier | undefined) => ids.indexOf(String(itemId)) + 1;
  const nameOf = (itemId: UniqueIdentifier) => items.find((i) => i.id === itemId)?.name ?? String(itemId);
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t("pickedUp", { name: nameOf(active.id), position: position(active.id), count: ids.length }),
    onDragOver: ({ active, over }) =>
      over ? t("movedTo", { name: nameOf(active.id), position: position(over.id), count: ids.length }) : undefined,
    onDragEnd: ({ active, over }) =>
      t("dropped", { name: nameOf(active.id), position: position(over?.id ?? active.id), count: ids.length }),
    onDragCancel: ({ active }) => t("cancelled", { name: nameOf(active.id) }),
  };
  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("instructions") } }}
      onDragEnd={({ active, over }) => {
        if (!over || active.id === over.id) return;
        onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** One item of a SortableList; `children` receives the drag handle to place in the item. */
export function SortableItem({
  id,
  name,
  as: Tag = "div",
  className,
  children,
}: {
  id: string;
  name: string;
  as?: "div" | "li";
  className?: string;
  children: (handle: ReactNode) => ReactNode;
}) {
  const t = useTranslations("designer.drag");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={t("handle", { name })}
      className="inline-flex size-9 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-lg leading-none text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-700 active:cursor-grabbing"
    >
      <span aria-hidden>⠿</span>
    </button>
  );
  return (
    <Tag
      ref={setNodeRef}
      style={style}
      className={cn(className, isDragging && "relative z-20 shadow-lg ring-2 ring-brand-700")}
    >
      {children(handle)}
    </Tag>
  );
}

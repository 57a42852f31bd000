import type { Command } from '../commands/command.ts';
import type { CommandHandler } from './handler.ts';
import { handleNoticeGiven } from './notice-given.ts';
import { handleFinish } from './finish.ts';
import { handleRegister } from './register.ts';
import { handleShow } from './show.ts';
import { handleTodo } from './todo.ts';
import { handleLeave } from './leave.ts';
import { handleEndLeave } from './end-leave.ts';
import { handleComplain } from './complain.ts';
import { handleGuide } from './guide.ts';
import { handleAnswerComplaint } from './answer-complaint.ts';
import { handleTransfer } from './transfer.ts';
import { handleReferOut } from './refer-out.ts';
import { handleUrgent } from './urgent.ts';
import { handleRequestMaterials } from './request-materials.ts';
import { handleMaterialsComplete } from './materials-complete.ts';
import { handleRefuse } from './refuse.ts';
import { handleApprove } from './approve.ts';
import { handleOverturn } from './overturn.ts';
import { handleEscalate } from './escalate.ts';

/** Every command but 帮助 (answered before the sender is looked up) has a handler here. */
export type HandledCommand = Exclude<Command['type'], 'help'>;

/** One line per command: the command type and the handler that answers it. A missing one does not compile. */
export const HANDLERS: { [T in HandledCommand]: CommandHandler<T> } = {
  register: handleRegister,
  finish: handleFinish,
  show: handleShow,
  todo: handleTodo,
  leave: handleLeave,
  endLeave: handleEndLeave,
  complain: handleComplain,
  guide: handleGuide,
  answerComplaint: handleAnswerComplaint,
  transfer: handleTransfer,
  referOut: handleReferOut,
  urgent: handleUrgent,
  requestMaterials: handleRequestMaterials,
  materialsComplete: handleMaterialsComplete,
  refuse: handleRefuse,
  approve: handleApprove,
  overturn: handleOverturn,
  escalate: handleEscalate,
  noticeGiven: handleNoticeGiven,
};

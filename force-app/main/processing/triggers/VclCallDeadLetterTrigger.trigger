trigger VclCallDeadLetterTrigger on Voice_Call_Dead_Letter__e(after insert) {
  VclCallDeadLetterNotifier.notifyAdmins(Trigger.new);
}

trigger VoiceCallDeadLetterTrigger on Voice_Call_Dead_Letter__e(after insert) {
  CallDeadLetterNotifier.notifyAdmins(Trigger.new);
}
